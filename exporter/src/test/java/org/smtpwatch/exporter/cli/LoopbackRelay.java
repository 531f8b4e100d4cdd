package org.smtpwatch.exporter.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 in front of one port, so a test can make a listener disappear: after
 * {@link #stopListening()} or {@link #close()} its port refuses connections, while the server
 * behind it keeps running; {@link #listenAgain()} brings it back on the same port, and {@link
 * #retarget} puts another server behind it.
 */
final class LoopbackRelay implements AutoCloseable {

  private final int port;
  private volatile ServerSocket listener;
  private volatile int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "loopback-relay");
            thread.setDaemon(true);
            return thread;
          });

  private LoopbackRelay(ServerSocket listener, int targetPort) {
    this.port = listener.getLocalPort();
    this.listener = listener;
    this.targetPort = targetPort;
  }

  static LoopbackRelay to(int targetPort) throws IOException {
    LoopbackRelay relay =
        new LoopbackRelay(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")), targetPort);
    relay.threads.execute(() -> relay.acceptUntilClosed(relay.listener));
    return relay;
  }

  int port() {
    return port;
  }

  /**
   * New connections go to {@code newTargetPort} from now on; those in flight stay where they are.
   */
  void retarget(int newTargetPort) {
    targetPort = newTargetPort;
  }

  /** The port refuses connections from now on, and the connections in flight are cut. */
  void stopListening() throws IOException {
    listener.close();
    open.forEach(this::quietlyClose);
  }

  /** Listens on the same port again after {@link #stopListening()}. */
  void listenAgain() throws IOException {
    ServerSocket again = new ServerSocket();
    again.setReuseAddress(true);
    again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
    listener = again;
    threads.execute(() -> acceptUntilClosed(again));
  }

  private void acceptUntilClosed(ServerSocket listener) {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        open.add(client);
        Socket upstream;
        try {
          upstream = new Socket(InetAddress.getByName("127.0.0.1"), targetPort);
        } catch (IOException e) {
          quietlyClose(client);
          continue;
        }
        open.add(upstream);
        AtomicInteger running = new AtomicInteger(2);
        try {
          threads.execute(() -> pump(client, upstream, running));
          threads.execute(() -> pump(upstream, client, running));
        } catch (RejectedExecutionException closing) {
          quietlyClose(client);
          quietlyClose(upstream);
          return;
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Copies until end of stream, passes the half-close on, and closes both once both ended. */
  private void pump(Socket from, Socket to, AtomicInteger running) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      quietlyClose(from);
      quietlyClose(to);
    } finally {
      if (running.decrementAndGet() == 0) {
        quietlyClose(from);
        quietlyClose(to);
      }
    }
  }

  private void quietlyClose(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all that is left to do
    }
    open.remove(socket);
  }

  /** Stops accepting (the port now refuses) and cuts the connections in flight. */
  @Override
  public void close() throws IOException {
    stopListening();
    threads.shutdownNow();
    try {
      if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
        throw new IOException("relay threads still running 5 s after close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
