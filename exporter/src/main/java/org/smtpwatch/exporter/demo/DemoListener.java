package org.smtpwatch.exporter.demo;

import org.smtpwatch.config.Mode;

/**
 * One of the demo mail server's listeners, shaped like a well-known SMTP port.
 *
 * @param shapedLike the port whose behaviour it copies (25, 465, 587, 2525)
 * @param port where it actually listens on loopback
 * @param mode how the probe talks to it
 * @param tlsRequired whether the probe fails without TLS
 */
public record DemoListener(int shapedLike, int port, Mode mode, boolean tlsRequired) {}
