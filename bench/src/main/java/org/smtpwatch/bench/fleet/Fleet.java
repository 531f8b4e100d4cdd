package org.smtpwatch.bench.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocketFactory;

/**
 * The loopback fleet: one listening socket per planned endpoint, all accepted by one selector
 * thread; each accepted connection is served by a blocking {@link ResponderSession} on a pooled
 * thread (connections are short, so few threads are busy at once). Hanging endpoints listen but are
 * never accepted. The fleet closes itself when its lifetime is over, whatever the benchmark does.
 */
public final class Fleet implements AutoCloseable {

  private static final int BACKLOG = 64;

  private final Selector selector;
  private final List<ServerSocketChannel> listeners;
  private final ExecutorService sessions;
  private final Thread acceptLoop;
  private final AtomicLong accepted = new AtomicLong();
  private final long stopAtNanos;
  private volatile boolean closed;

  private Fleet(Selector selector, List<ServerSocketChannel> listeners, Duration lifetime) {
    this.selector = selector;
    this.listeners = listeners;
    this.stopAtNanos = System.nanoTime() + lifetime.toNanos();
    this.sessions =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "fleet-session");
              thread.setDaemon(true);
              return thread;
            });
    this.acceptLoop = new Thread(this::acceptUntilClosed, "fleet-accept");
    acceptLoop.setDaemon(true);
  }

  /**
   * Binds every planned endpoint and starts answering.
   *
   * @param lifetime after this the fleet closes by itself
   * @throws UncheckedIOException naming the endpoint that could not be bound
   */
  public static Fleet start(List<FleetEndpoint> plan, SSLSocketFactory tls, Duration lifetime) {
    List<ServerSocketChannel> listeners = new ArrayList<>(plan.size());
    try {
      Selector selector = Selector.open();
      Fleet fleet = new Fleet(selector, listeners, lifetime);
      for (FleetEndpoint endpoint : plan) {
        ServerSocketChannel channel = bind(endpoint);
        listeners.add(channel);
        if (!endpoint.hanging()) {
          channel.configureBlocking(false);
          channel.register(selector, SelectionKey.OP_ACCEPT, new Accepting(endpoint, tls));
        }
      }
      fleet.acceptLoop.start();
      return fleet;
    } catch (IOException e) {
      listeners.forEach(Fleet::closeQuietly);
      throw new UncheckedIOException("cannot start the fleet: " + e.getMessage(), e);
    }
  }

  /** Connections accepted so far. */
  public long accepted() {
    return accepted.get();
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      acceptLoop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    listeners.forEach(Fleet::closeQuietly);
    closeQuietly(selector);
    sessions.shutdownNow();
    try {
      sessions.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ServerSocketChannel bind(FleetEndpoint endpoint) throws IOException {
    ServerSocketChannel channel = ServerSocketChannel.open();
    try {
      channel.bind(new InetSocketAddress(endpoint.address(), endpoint.port()), BACKLOG);
      return channel;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new IOException(endpoint.target() + ": " + e.getMessage(), e);
    }
  }

  private void acceptUntilClosed() {
    try {
      while (!closed && System.nanoTime() < stopAtNanos) {
        selector.select(500);
        for (SelectionKey key : selector.selectedKeys()) {
          acceptOne(key);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      System.err.println("fleet: accept loop failed: " + e.getMessage());
    } finally {
      if (!closed) {
        System.err.println("fleet: lifetime over, closing");
        listeners.forEach(Fleet::closeQuietly);
      }
    }
  }

  private void acceptOne(SelectionKey key) throws IOException {
    SocketChannel connection = ((ServerSocketChannel) key.channel()).accept();
    if (connection == null) {
      return;
    }
    accepted.incrementAndGet();
    connection.configureBlocking(true);
    Accepting accepting = (Accepting) key.attachment();
    sessions.execute(
        new ResponderSession(connection.socket(), accepting.endpoint(), accepting.tls()));
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing at the end: nothing left to do about it.
    }
  }

  private record Accepting(FleetEndpoint endpoint, SSLSocketFactory tls) {}
}
