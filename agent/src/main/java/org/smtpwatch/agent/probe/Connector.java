package org.smtpwatch.agent.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/**
 * Opens the TCP connection, trying the addresses in order. Each attempt gets an equal share of the
 * time left, so one black-holed address cannot use up the whole deadline while others wait.
 */
final class Connector {

  /** The socket and the address it reached. */
  record Connected(Socket socket, InetAddress address) {}

  /** The last attempt failed; {@code address} is the one it tried. */
  static final class Unconnected extends Exception {
    private final transient InetAddress address;
    private final transient Failure failure;

    Unconnected(InetAddress address, Failure failure) {
      super(failure.detail(), null, false, false);
      this.address = address;
      this.failure = failure;
    }

    InetAddress address() {
      return address;
    }

    Failure failure() {
      return failure;
    }
  }

  Connected connect(List<InetAddress> addresses, int port, Deadline deadline) throws Unconnected {
    Unconnected last = null;
    for (int i = 0; i < addresses.size() && (i == 0 || !deadline.expired()); i++) {
      InetAddress address = addresses.get(i);
      Duration share = deadline.remaining().dividedBy(addresses.size() - i);
      try {
        return new Connected(
            open(new InetSocketAddress(address, port), deadline.capped(share)), address);
      } catch (IOException e) {
        last = new Unconnected(address, NetworkFailures.connect(target(address, port), e));
      }
    }
    throw last;
  }

  static Socket open(InetSocketAddress address, Deadline deadline) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(address, deadline.socketTimeoutMillis());
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  static String target(InetAddress address, int port) {
    String host = address.getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
