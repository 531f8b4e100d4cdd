package org.smtpwatch.agent.domain;

/**
 * One mail exchanger of a domain.
 *
 * @param name the host name, lower case, without the trailing dot
 * @param preference the MX preference (lower is tried first); 0 for the implicit MX of RFC 5321
 */
public record MxHost(String name, int preference) {}
