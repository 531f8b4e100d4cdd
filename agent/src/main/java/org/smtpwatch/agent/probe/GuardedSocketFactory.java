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
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(host, port), local, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(address, port), local, localPort);
  }

  private Socket connected(InetSocketAddress target) throws IOException {
    Socket socket = createSocket();
    socket.connect(target);
    return socket;
  }

  private Socket connected(InetSocketAddress target, InetAddress local, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(local, localPort));
    socket.connect(target);
    return socket;
  }
}
