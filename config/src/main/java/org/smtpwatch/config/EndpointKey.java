package org.smtpwatch.config;

/**
 * What makes two endpoints the same endpoint: a reload that changes only the interval or the TLS
 * policy of a key keeps its counters.
 */
public record EndpointKey(String host, int port, Mode mode) {

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
        + ":"
        + port
        + "/"
        + mode.configName();
  }
}
