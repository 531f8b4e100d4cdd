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

/**
 * Many loopback SMTP listeners served by one thread: each connection gets a greeting, a two-line
 * EHLO reply, {@code 221} to QUIT and {@code 500} to anything else. Enough for the real prober's
 * plain mode, and light enough to run hundreds of endpoints in one test.
 */
final class SmtpResponderFleet implements AutoCloseable {

  private static final int MAX_COMMAND = 512;

  private final Selector selector;
  private final List<ServerSocketChannel> listeners;
  private final Thread thread;

  private SmtpResponderFleet(Selector selector, List<ServerSocketChannel> listeners) {
    this.selector = selector;
    this.listeners = listeners;
    this.thread = new Thread(this::serve, "smtp-responder-fleet");
    this.thread.setDaemon(true);
  }

  static SmtpResponderFleet start(int count) throws IOException {
    Selector selector = Selector.open();
    List<ServerSocketChannel> listeners = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ServerSocketChannel listener = ServerSocketChannel.open();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
      listener.configureBlocking(false);
      listener.register(selector, SelectionKey.OP_ACCEPT);
      listeners.add(listener);
    }
    SmtpResponderFleet fleet = new SmtpResponderFleet(selector, listeners);
    fleet.thread.start();
    return fleet;
  }

  List<Integer> ports() {
    return listeners.stream().map(listener -> listener.socket().getLocalPort()).toList();
  }

  private void serve() {
    try {
      while (selector.isOpen()) {
        selector.select();
        for (SelectionKey key : selector.selectedKeys()) {
          handle(key);
        }
        selector.selectedKeys().clear();
      }
    } catch (ClosedSelectorException e) {
      // closed by close()
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(SelectionKey key) throws IOException {
    if (!key.isValid()) {
      return;
    }
    if (key.isAcceptable()) {
      accept((ServerSocketChannel) key.channel());
    } else if (key.isReadable()) {
      try {
        answer(key);
      } catch (IOException e) {
        // The prober gave up on this connection.
        key.channel().close();
      }
    }
  }

  private void accept(ServerSocketChannel listener) throws IOException {
    SocketChannel connection;
    while ((connection = listener.accept()) != null) {
      connection.configureBlocking(false);
      // Replies are a few dozen bytes into a socket's send buffer: written at once, never block.
      write(connection, "220 fleet.test ESMTP\r\n");
      connection.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(MAX_COMMAND));
    }
  }

  private void answer(SelectionKey key) throws IOException {
    SocketChannel connection = (SocketChannel) key.channel();
    ByteBuffer pending = (ByteBuffer) key.attachment();
    if (connection.read(pending) < 0 || !pending.hasRemaining()) {
      connection.close();
      return;
    }
    String received = new String(pending.array(), 0, pending.position(), StandardCharsets.US_ASCII);
    int end;
    while ((end = received.indexOf("\r\n")) >= 0) {
      String command = received.substring(0, end).toUpperCase(java.util.Locale.ROOT);
      received = received.substring(end + 2);
      if (command.startsWith("QUIT")) {
        write(connection, "221 bye\r\n");
        connection.close();
        return;
      }
      write(
          connection,
          command.startsWith("EHLO") ? "250-fleet.test\r\n250 8BITMIME\r\n" : "500 ?\r\n");
    }
    pending.clear();
    pending.put(received.getBytes(StandardCharsets.US_ASCII));
  }

  private static void write(SocketChannel connection, String reply) throws IOException {
    connection.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.US_ASCII)));
  }

  @Override
  public void close() throws IOException {
    selector.close();
    for (ServerSocketChannel listener : listeners) {
      listener.close();
    }
  }
}
