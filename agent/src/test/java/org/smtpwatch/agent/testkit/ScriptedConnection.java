package org.smtpwatch.agent.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** The server side of one accepted connection, as the script steps see it. */
final class ScriptedConnection {

  /** No client under test takes this long; reaching it means the test itself is broken. */
  static final Duration SAFETY_TIMEOUT = Duration.ofSeconds(10);

  /** How much a flooding script sends at most, should a client never stop reading. */
  static final long FLOOD_LIMIT = 256L << 20;

  private final Socket socket;
  private Socket channel;
  private InputStream in;
  private final Consumer<String> received;
  private final Pauses pauses;

  /** Waits that end early when the server is closed. */
  interface Pauses {
    void pause(Duration duration) throws IOException;
  }

  ScriptedConnection(Socket socket, Consumer<String> received, Pauses pauses) throws IOException {
    this.socket = socket;
    this.socket.setSoTimeout((int) SAFETY_TIMEOUT.toMillis());
    // Lines go out in separate writes; with Nagle each second one waits for the client's delayed
    // ACK (40 ms on Linux), which would make a thousand probes take a minute.
    this.socket.setTcpNoDelay(true);
    this.channel = socket;
    this.in = socket.getInputStream();
    this.received = received;
    this.pauses = pauses;
  }

  void write(byte[] bytes) throws IOException {
    channel.getOutputStream().write(bytes);
    channel.getOutputStream().flush();
  }

  /** Writes {@code chunk} again and again until the client stops taking it (or the limit). */
  void flood(byte[] chunk) {
    try {
      for (long sent = 0; sent < FLOOD_LIMIT; sent += chunk.length) {
        write(chunk);
      }
    } catch (IOException e) {
      // The client closed or reset: what a flood is waiting for.
    }
  }

  /** Reads whatever the client sent next (at least one byte) and discards it. */
  void receiveAnything() throws IOException {
    byte[] buffer = new byte[16 * 1024];
    if (in.read(buffer) < 0) {
      throw new IOException("client closed the connection while the script expected bytes");
    }
  }

  /** Turns this connection into the server side of a TLS connection and completes the handshake. */
  void startTls(SSLContext context) throws IOException {
    SSLSocket tls =
        (SSLSocket) context.getSocketFactory().createSocket(socket, null, socket.getPort(), false);
    tls.setUseClientMode(false);
    tls.startHandshake();
    channel = tls;
    in = tls.getInputStream();
  }

  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("client closed the connection while the script expected a line");
      }
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
        received.accept(text);
        return text;
      }
      line.write(b);
      previous = b;
    }
  }

  void pause(Duration duration) throws IOException {
    pauses.pause(duration);
  }

  void drainUntilClosed() throws IOException {
    byte[] buffer = new byte[1024];
    try {
      while (in.read(buffer) >= 0) {
        // Discard: a tarpit ignores whatever the client says.
      }
    } catch (SocketTimeoutException e) {
      throw new IOException("client did not give up within " + SAFETY_TIMEOUT, e);
    } catch (IOException e) {
      // A reset from the client also ends the stall.
    }
  }

  void close() throws IOException {
    channel.close();
  }

  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  boolean isClosed() {
    return socket.isClosed();
  }
}
