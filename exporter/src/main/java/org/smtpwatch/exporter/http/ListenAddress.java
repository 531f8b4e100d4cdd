package org.smtpwatch.exporter.http;

import java.net.InetSocketAddress;

/**
 * Where the HTTP server listens, from the config's {@code listen}: {@code :10785} is every
 * interface, {@code 127.0.0.1:10785} and {@code [::1]:10785} one address; port 0 picks a free one.
 *
 * @param host the address to bind, without brackets; empty for every interface
 */
public record ListenAddress(String host, int port) {

  /**
   * @throws IllegalArgumentException when {@code text} is not {@code [host]:port} (the config
   *     loader has already checked it, so this is a bug or a hand-built config)
   */
  public static ListenAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0 || !text.substring(colon + 1).matches("\\d{1,5}")) {
      throw new IllegalArgumentException("not a listen address: " + text);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = Integer.parseInt(text.substring(colon + 1));
    if (port > 65535) {
      throw new IllegalArgumentException("port out of range: " + text);
    }
    return new ListenAddress(host, port);
  }

  public ListenAddress withPort(int newPort) {
    return new ListenAddress(host, newPort);
  }

  InetSocketAddress socketAddress() {
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  /** The host part of a URL a person can open: loopback when bound to every interface. */
  String urlHost() {
    if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
      return "localhost";
    }
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
