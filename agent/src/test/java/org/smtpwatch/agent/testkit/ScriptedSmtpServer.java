package org.smtpwatch.agent.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving SMTP server on loopback for tests: it plays a {@link Script} on each connection
 * (the first script on the first connection, and so on; the last one repeats). Every wait it does
 * is bounded, and tests synchronise with {@link #awaitFinished(int, Duration)}, never with sleeps.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

  private static final int MAX_RECEIVED = 10_000;

  private final ServerSocket serverSocket;
  private final List<Script> scripts;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Semaphore finished = new Semaphore(0);
  private final CountDownLatch closed = new CountDownLatch(1);

  private ScriptedSmtpServer(ServerSocket serverSocket, List<Script> scripts) {
    this.serverSocket = serverSocket;
    this.scripts = scripts;
  }

  /** Listens on 127.0.0.1, on a port the system picks. */
  public static ScriptedSmtpServer start(Script first, Script... more) throws IOException {
    return startOn(InetAddress.getLoopbackAddress(), first, more);
  }

  /** Listens on {@code address} (a 127.0.0.0/8 address), on a port the system picks. */
  public static ScriptedSmtpServer startOn(InetAddress address, Script first, Script... more)
      throws IOException {
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException("tests only ever use loopback: " + address);
    }
    List<Script> scripts = new ArrayList<>();
    scripts.add(first);
    scripts.addAll(List.of(more));
    ServerSocket serverSocket = new ServerSocket();
    serverSocket.bind(new InetSocketAddress(address, 0));
    ScriptedSmtpServer server = new ScriptedSmtpServer(serverSocket, List.copyOf(scripts));
    daemon(server::acceptLoop, "scripted-smtp-accept").start();
    return server;
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  public InetAddress address() {
    return serverSocket.getInetAddress();
  }

  /** Lines the clients sent, across connections, in the order they arrived. */
  public List<String> received() {
    return List.copyOf(received);
  }

  public int connectionCount() {
    return connections.get();
  }

  /**
   * Waits until {@code count} connections have played their scripts to the end, then fails if any
   * script saw something it did not expect.
   */
  public void awaitFinished(int count, Duration timeout) throws InterruptedException {
    if (!finished.tryAcquire(count, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new AssertionError(
          "only " + finished.availablePermits() + " of " + count + " scripts finished in time");
    }
    finished.release(count);
    if (!problems.isEmpty()) {
      throw new AssertionError("script problems: " + problems);
    }
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    serverSocket.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        accepted.add(socket);
        int index = connections.getAndIncrement();
        Script script = scripts.get(Math.min(index, scripts.size() - 1));
        daemon(() -> play(socket, script), "scripted-smtp-" + index).start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void play(Socket socket, Script script) {
    try (socket) {
      ScriptedConnection connection = new ScriptedConnection(socket, this::receive, this::pause);
      for (Script.Step step : script.steps()) {
        if (connection.isClosed()) {
          break;
        }
        step.run(connection);
      }
    } catch (Script.ScriptMismatch e) {
      problems.add(e.getMessage());
    } catch (IOException e) {
      if (closed.getCount() > 0) {
        problems.add(e.toString());
      }
    } finally {
      accepted.remove(socket);
      finished.release();
    }
  }

  /** Keeps the first lines only: a soak test's server must not grow with every connection. */
  private void receive(String line) {
    if (received.size() < MAX_RECEIVED) {
      received.add(line);
    }
  }

  private void pause(Duration duration) throws IOException {
    try {
      if (closed.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new IOException("server closed during a scripted pause");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static Thread daemon(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }
}
