package org.smtpwatch.agent.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * What a {@link ScriptedSmtpServer} does on one connection, step by step. Immutable: each method
 * returns a longer script. A script that ends without {@link #close()} or {@link #reset()} closes
 * the connection gracefully.
 */
public final class Script {

  /** One step, run on the server's connection thread. */
  @FunctionalInterface
  interface Step {
    void run(ScriptedConnection connection) throws IOException;
  }

  private final List<Step> steps;

  private Script(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  public static Script script() {
    return new Script(List.of());
  }

  /** Sends each line followed by CRLF, each line in its own write. */
  public Script send(String... lines) {
    Script script = this;
    for (String line : lines) {
      script = script.then(c -> c.write((line + "\r\n").getBytes(StandardCharsets.UTF_8)));
    }
    return script;
  }

  /** Sends the line {@code line} supplies at that moment, then CRLF: a banner that changes. */
  public Script sendGenerated(Supplier<String> line) {
    return then(c -> c.write((line.get() + "\r\n").getBytes(StandardCharsets.UTF_8)));
  }

  /** Sends exactly these characters (ISO-8859-1, so any byte) in one write. */
  public Script sendRaw(String bytes) {
    return sendBytes(bytes.getBytes(StandardCharsets.ISO_8859_1));
  }

  public Script sendBytes(byte[] bytes) {
    byte[] copy = bytes.clone();
    return then(c -> c.write(copy));
  }

  /** Reads one CRLF line and fails the script unless it starts with {@code prefix} (any case). */
  public Script expect(String prefix) {
    return then(
        c -> {
          String line = c.readLine();
          if (!line.toUpperCase(Locale.ROOT).startsWith(prefix.toUpperCase(Locale.ROOT))) {
            throw new ScriptMismatch("expected " + prefix + "..., got " + line);
          }
        });
  }

  /** A deliberate pause on the server side: a slow greeting, a sluggish reply. */
  public Script delay(Duration pause) {
    return then(c -> c.pause(pause));
  }

  /** Says nothing and reads (discarding) until the client gives up and closes: a tarpit. */
  public Script stallUntilClientCloses() {
    return then(ScriptedConnection::drainUntilClosed);
  }

  /**
   * Sends {@code chunk} over and over until the client closes: an endless greeting, a line of
   * megabytes, a garbage hose. Capped at {@link ScriptedConnection#FLOOD_LIMIT} so a broken client
   * cannot keep the test busy forever.
   */
  public Script flood(String chunk) {
    return floodBytes(chunk.getBytes(StandardCharsets.ISO_8859_1));
  }

  public Script floodBytes(byte[] chunk) {
    byte[] copy = chunk.clone();
    return then(c -> c.flood(copy));
  }

  /** Waits for the client's next bytes (a TLS ClientHello, say) and discards them. */
  public Script receiveAnything() {
    return then(ScriptedConnection::receiveAnything);
  }

  /**
   * Becomes the server side of TLS on this connection (after a STARTTLS 220, or at once for
   * implicit TLS) with {@code context}; the following steps speak through TLS.
   */
  public Script startTls(SSLContext context) {
    return then(c -> c.startTls(context));
  }

  /** Neither speaks nor reads until the server is closed: a peer that accepted and forgot. */
  public Script ignoreClient() {
    return then(c -> c.pause(ScriptedConnection.SAFETY_TIMEOUT));
  }

  public Script close() {
    return then(ScriptedConnection::close);
  }

  /** Closes with a TCP RST instead of a FIN. */
  public Script reset() {
    return then(ScriptedConnection::reset);
  }

  Script then(Step step) {
    List<Step> longer = new ArrayList<>(steps);
    longer.add(step);
    return new Script(longer);
  }

  List<Step> steps() {
    return steps;
  }

  /** The client did something the script did not expect. */
  static final class ScriptMismatch extends IOException {
    ScriptMismatch(String message) {
      super(message);
    }
  }
}
