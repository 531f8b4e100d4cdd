package org.smtpwatch.agent.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many loopback listeners, each answering every connection with an SMTP greeting and closing it;
 * one thread serves them all.
 */
final class GreetingServer implements AutoCloseable {

  private static final byte[] GREETING = "220 test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Selector selector;
  private final List<ServerSocketChannel> listeners;
  private final Thread thread;
  private final AtomicLong served = new AtomicLong();

  private GreetingServer(Selector selector, List<ServerSocketChannel> listeners) {
    this.selector = selector;
    this.listeners = listeners;
    this.thread = new Thread(this::serve, "greeting-server");
    this.thread.setDaemon(true);
  }

  static GreetingServer start(int count) throws IOException {
    Selector selector = Selector.open();
    List<ServerSocketChannel> listeners = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ServerSocketChannel listener = ServerSocketChannel.open();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
      listener.configureBlocking(false);
      listener.register(selector, SelectionKey.OP_ACCEPT);
      listeners.add(listener);
    }
    GreetingServer server = new GreetingServer(selector, listeners);
    server.thread.start();
    return server;
  }

  List<Integer> ports() {
    return listeners.stream().map(listener -> listener.socket().getLocalPort()).toList();
  }

  long served() {
    return served.get();
  }

  private void serve() {
    try {
      while (selector.isOpen()) {
        selector.select();
        for (SelectionKey key : selector.selectedKeys()) {
          accept((ServerSocketChannel) key.channel());
        }
        selector.selectedKeys().clear();
      }
    } catch (ClosedSelectorException e) {
      // closed by close()
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void accept(ServerSocketChannel listener) throws IOException {
    SocketChannel connection;
    while ((connection = listener.accept()) != null) {
      try (SocketChannel open = connection) {
        // Sixteen bytes into a fresh socket's send buffer: written at once, never blocks.
        open.write(ByteBuffer.wrap(GREETING));
        served.incrementAndGet();
      } catch (IOException e) {
        // The prober gave up on this connection; nothing to serve.
      }
    }
  }

  @Override
  public void close() throws IOException {
    selector.close();
    for (ServerSocketChannel listener : listeners) {
      listener.close();
    }
  }
}
