package org.smtpwatch.agent.probe;

import java.time.Duration;

/**
 * The outcome of authenticated submission on an endpoint with credentials.
 *
 * @param mechanism the SASL mechanism used, or {@code null} when none could be chosen
 * @param failure why it failed ({@code auth_failed}, {@code auth_unavailable}, ...); {@code null}
 *     on success
 */
public record AuthResult(boolean success, String mechanism, Duration duration, Failure failure) {}
