package org.smtpwatch.agent.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets for the login session (Angus Mail's {@code mail.smtp.socketFactory}), each handed
 * to the probe's alarm before it connects, so the deadline closes them like the probe's own.
 */
final class GuardedSocketFactory extends SocketFactory {

  private final ProbeAlarm alarm;

  GuardedSocketFactory(ProbeAlarm alarm) {
    this.alarm = alarm;
  }

  @Override
  public Socket createSocket() {
    Socket socket = new Socket();
    alarm.guard(socket);
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(host, port), new InetSocketAddress(local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(address, port), new InetSocketAddress(local, localPort));
  }

  /** Angus Mail connects its sockets itself; these overloads exist for the factory contract. */
  private Socket connected(InetSocketAddress target, InetSocketAddress local) throws IOException {
    Socket socket = createSocket();
    if (local != null) {
      socket.bind(local);
    }
    socket.connect(target);
    return socket;
  }
}
