package org.smtpwatch.agent.mtasts;

/**
 * Why a policy could not be had: {@code reason} is one of a closed set the metrics show ({@code
 * txt_invalid}, {@code dns}, {@code connect}, {@code timeout}, {@code tls}, {@code redirect},
 * {@code http_status}, {@code content_type}, {@code too_large}, {@code malformed}, {@code error}),
 * {@code detail} says what exactly.
 */
public record FetchFailure(String reason, String detail) {}
