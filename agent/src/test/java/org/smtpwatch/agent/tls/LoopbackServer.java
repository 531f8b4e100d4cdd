package org.smtpwatch.agent.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A server on 127.0.0.1 and an ephemeral port that runs one {@link Behaviour} per accepted
 * connection, each on its own thread. Every read it does is bounded by {@link #IO_DEADLINE}, and
 * {@link #close()} closes every socket it opened, so a test can never hang on it.
 */
final class LoopbackServer implements AutoCloseable {

  static final Duration IO_DEADLINE = Duration.ofSeconds(5);

  /** What the server does with one accepted connection. */
  @FunctionalInterface
  interface Behaviour {
    void serve(Socket accepted) throws IOException;
  }

  private final ServerSocket listener;
  private final Behaviour behaviour;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  private LoopbackServer(ServerSocket listener, Behaviour behaviour) {
    this.listener = listener;
    this.behaviour = behaviour;
  }

  /** A plain TCP server: the behaviour sees the raw bytes. */
  static LoopbackServer plain(Behaviour behaviour) throws IOException {
    return start(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), behaviour);
  }

  /** A TLS server; {@code protocols} restricts its versions ({@code null}: the JDK's defaults). */
  static LoopbackServer tls(SSLContext context, String[] protocols, Behaviour behaviour)
      throws IOException {
    SSLServerSocket listener =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    if (protocols != null) {
      listener.setEnabledProtocols(protocols);
    }
    return start(listener, behaviour);
  }

  private static LoopbackServer start(ServerSocket listener, Behaviour behaviour) {
    LoopbackServer server = new LoopbackServer(listener, behaviour);
    server.spawn("accept", server::acceptLoop);
    return server;
  }

  /** A client socket connected to this server, as the prober would hand it to the handshaker. */
  Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()),
        Math.toIntExact(IO_DEADLINE.toMillis()));
    return socket;
  }

  /** Reads and discards until the peer closes or {@link #IO_DEADLINE} passes. */
  static void drainUntilClosed(Socket socket) throws IOException {
    socket.setSoTimeout(Math.toIntExact(IO_DEADLINE.toMillis()));
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    while (in.read(buffer) >= 0) {
      // discard
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        socket.setSoTimeout(Math.toIntExact(IO_DEADLINE.toMillis()));
        accepted.add(socket);
        spawn("connection", () -> serve(socket));
      } catch (IOException e) {
        return; // closed by close()
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      behaviour.serve(socket);
    } catch (IOException e) {
      // Expected in failure tests: the client aborts handshakes on purpose.
    }
  }

  private void spawn(String role, Runnable work) {
    Thread thread = new Thread(work, "loopback-server-" + role);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : accepted) {
      try {
        socket.close();
      } catch (SocketException e) {
        // already closed
      }
    }
    for (Thread thread : threads) {
      try {
        thread.join(IO_DEADLINE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
