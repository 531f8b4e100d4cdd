package org.smtpwatch.agent.tls;

/** What a completed handshake negotiated, named as the JDK and OpenSSL name them. */
public record TlsSession(String version, String cipher) {}
