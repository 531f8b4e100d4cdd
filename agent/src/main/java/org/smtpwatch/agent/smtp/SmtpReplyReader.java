package org.smtpwatch.agent.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smtpwatch.agent.smtp.SmtpProtocolException.Kind;

/**
 * Reads SMTP replies strictly: CRLF line ends only, a capped line length and line count, one code
 * for all lines of a reply (except a 421, which interrupts any reply), codes 200-599.
 *
 * <p>Text is decoded as UTF-8 with malformed sequences replaced by U+FFFD (SMTPUTF8 servers send
 * UTF-8; anything else is legacy junk we report but do not choke on). A NUL byte is a protocol
 * error: no real server sends one, and tolerating it would hide response tampering.
 *
 * <p>The reader buffers what one {@code read} returns; bytes past the current reply stay in the
 * buffer and are visible through {@link #bufferedByteCount()}, which is how STARTTLS response
 * injection is detected before the socket is handed to TLS.
 */
public final class SmtpReplyReader {

  /**
   * Octets per line including CRLF. RFC 5321 4.5.3.1.5 says 512; real servers (Exchange banners,
   * long AUTH lists) exceed it, so we accept up to a text line's 1000 and no more.
   */
  public static final int MAX_LINE_OCTETS = 1000;

  /** Lines per reply; the longest real EHLO replies have about 20. */
  public static final int MAX_LINES = 100;

  private static final int SHUTTING_DOWN = 421;

  private final InputStream in;
  private final ReadTimeout readTimeout;
  private final byte[] buffer = new byte[4096];
  private int position;
  private int limit;
  private long bytesReceived;

  public SmtpReplyReader(InputStream in, ReadTimeout readTimeout) {
    this.in = Objects.requireNonNull(in, "in");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
  }

  /**
   * Reads one complete reply.
   *
   * @throws SmtpProtocolException malformed bytes, or {@link Kind#CLOSED} at end of stream
   * @throws java.net.SocketTimeoutException when the {@link ReadTimeout} ran out
   */
  public SmtpReply read() throws IOException {
    List<String> texts = new ArrayList<>();
    int code = -1;
    while (true) {
      if (texts.size() == MAX_LINES) {
        throw new SmtpProtocolException(
            Kind.TOO_MANY_LINES, "reply has more than " + MAX_LINES + " lines");
      }
      ReplyLine line = ReplyLine.parse(readLine());
      if (code != -1 && line.code() != code && line.code() == SHUTTING_DOWN) {
        // RFC 5321 3.8: a server may say 421 at any moment, even inside another reply; what it
        // said before no longer matters, the 421 is the answer.
        texts.clear();
      } else if (code != -1 && line.code() != code) {
        throw new SmtpProtocolException(
            Kind.CODE_MISMATCH, "reply line with code " + line.code() + " inside a " + code);
      }
      code = line.code();
      texts.add(line.text());
      if (line.last()) {
        return new SmtpReply(code, texts);
      }
    }
  }

  /** Bytes received and not yet part of a reply that {@link #read()} returned. */
  public int bufferedByteCount() {
    return limit - position;
  }

  /** Every byte this reader has taken from the stream, including buffered ones. */
  public long bytesReceived() {
    return bytesReceived;
  }

  private String readLine() throws IOException {
    byte[] line = new byte[MAX_LINE_OCTETS];
    int length = 0;
    while (true) {
      int b = nextByte(length);
      if (b == '\r') {
        if (nextByte(length + 1) != '\n') {
          throw new SmtpProtocolException(Kind.BARE_CARRIAGE_RETURN, "CR not followed by LF");
        }
        return new String(line, 0, length, StandardCharsets.UTF_8);
      }
      checkOctet(b);
      if (length + 2 >= MAX_LINE_OCTETS) {
        throw new SmtpProtocolException(
            Kind.LINE_TOO_LONG, "reply line longer than " + MAX_LINE_OCTETS + " octets");
      }
      line[length++] = (byte) b;
    }
  }

  private static void checkOctet(int b) throws SmtpProtocolException {
    if (b == '\n') {
      throw new SmtpProtocolException(Kind.BARE_LINE_FEED, "line ends in LF without CR");
    }
    if (b == 0) {
      throw new SmtpProtocolException(Kind.NUL_BYTE, "NUL byte in reply");
    }
  }

  private int nextByte(int lineLengthSoFar) throws IOException {
    if (position == limit && !fill()) {
      String where = lineLengthSoFar == 0 ? "before a reply line" : "in the middle of a line";
      throw new SmtpProtocolException(Kind.CLOSED, "connection closed by server " + where);
    }
    return buffer[position++] & 0xff;
  }

  private boolean fill() throws IOException {
    readTimeout.applyBeforeRead();
    int count = in.read(buffer, 0, buffer.length);
    if (count <= 0) {
      return false;
    }
    position = 0;
    limit = count;
    bytesReceived += count;
    return true;
  }
}
