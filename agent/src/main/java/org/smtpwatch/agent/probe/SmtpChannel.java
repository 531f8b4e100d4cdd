package org.smtpwatch.agent.probe;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.smtpwatch.agent.smtp.SmtpReply;
import org.smtpwatch.agent.smtp.SmtpReplyReader;

/**
 * The wire of one session: writes commands, reads replies under a step deadline, and writes both
 * into the transcript. Swapped onto the TLS socket after a handshake.
 *
 * <p>Writes have no timeout (the JDK offers none); a command is a few dozen bytes and fits the
 * socket's send buffer, so only reads can hang, and those are bounded.
 */
final class SmtpChannel implements Closeable {

  private final Transcript transcript;
  private final Deadline probeDeadline;
  private final Socket tcp;
  private Socket socket;
  private SmtpReplyReader reader;
  private OutputStream out;
  private Deadline stepDeadline;

  SmtpChannel(Socket socket, Transcript transcript, Deadline probeDeadline) throws IOException {
    this.transcript = transcript;
    this.probeDeadline = probeDeadline;
    this.stepDeadline = probeDeadline;
    this.tcp = socket;
    attach(socket);
  }

  /** Continues on {@code upgraded} (the TLS socket layered over the old one). */
  void attach(Socket upgraded) throws IOException {
    this.socket = upgraded;
    this.reader =
        new SmtpReplyReader(
            upgraded.getInputStream(),
            () -> socket.setSoTimeout(stepDeadline.socketTimeoutMillis()));
    this.out = upgraded.getOutputStream();
  }

  SmtpReply command(String line, Deadline step) throws IOException {
    send(line, TranscriptRedaction.command(line));
    return readReply(step);
  }

  SmtpReply readReply(Deadline step) throws IOException {
    stepDeadline = step;
    SmtpReply reply = reader.read();
    reply.wireLines().forEach(wire -> note(Transcript.Direction.SERVER, wire));
    return reply;
  }

  /** Bytes the server sent that no reply has consumed yet, buffered here or in the kernel. */
  int unreadByteCount() throws IOException {
    return reader.bufferedByteCount() + socket.getInputStream().available();
  }

  /** Every byte received on the current socket (the plaintext one before any TLS). */
  long bytesReceived() {
    return reader.bytesReceived();
  }

  Socket socket() {
    return socket;
  }

  InetAddress remoteAddress() {
    return socket.getInetAddress();
  }

  void note(Transcript.Direction direction, String text) {
    transcript.add(probeDeadline.elapsedNanos(), direction, text);
  }

  /**
   * Closes the TCP connection first: closing a TLS socket sends close_notify and then waits for the
   * server's, up to the read timeout, which after a timed-out step would hold the probe for a
   * second full timeout. The TLS layer then closes at once on the dead connection.
   */
  @Override
  public void close() {
    closeQuietly(tcp);
    if (socket != tcp) {
      closeQuietly(socket);
    }
  }

  private static void closeQuietly(Socket closing) {
    try {
      closing.close();
    } catch (IOException e) {
      // Nothing to do: the probe is over and its result does not depend on a clean close.
    }
  }

  private void send(String line, String forTranscript) throws IOException {
    if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
      // A line break would smuggle a second command (an ehlo_name from a bad config).
      throw new IllegalArgumentException("SMTP command contains a line break");
    }
    note(Transcript.Direction.CLIENT, forTranscript);
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
