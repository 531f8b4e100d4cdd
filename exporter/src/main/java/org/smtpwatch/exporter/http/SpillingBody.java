package org.smtpwatch.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body that is sent with a Content-Length in one run of large writes when it ends within
 * {@code limit} bytes, and streamed (chunked) from the moment it grows past it.
 *
 * <p>Why not always stream: the JDK's chunked stream writes 4 kB at a time, and with Nagle's
 * algorithm on (the JDK's server default) the last small writes of an answer wait for the scraper's
 * delayed ACK, up to 40 ms on Linux: at 1,000 endpoints many scrapes took 40-45 ms more than the 50
 * ms the others did. Why not always buffer: at 10,000 endpoints an answer is 39 MB.
 */
final class SpillingBody extends OutputStream {

  /** Slices of the buffered answer: large writes, within the JDK's cached direct buffer size. */
  private static final int WRITE_SLICE = 256 * 1024;

  private final HttpExchange exchange;
  private final int status;
  private final int limit;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
  private OutputStream streaming;

  SpillingBody(HttpExchange exchange, int status, int limit) {
    this.exchange = exchange;
    this.status = status;
    this.limit = limit;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (streaming == null && buffer.size() + length > limit) {
      exchange.sendResponseHeaders(status, 0);
      streaming = exchange.getResponseBody();
      buffer.writeTo(streaming);
      buffer.reset();
    }
    if (streaming != null) {
      streaming.write(bytes, offset, length);
    } else {
      buffer.write(bytes, offset, length);
    }
  }

  /** Sends what was buffered with its length, or ends the chunked stream. */
  @Override
  public void close() throws IOException {
    if (streaming != null) {
      streaming.close();
      return;
    }
    byte[] answer = buffer.toByteArray();
    // A length of 0 means "chunked" to the JDK's server; -1 means no body.
    exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
    try (OutputStream body = exchange.getResponseBody()) {
      for (int at = 0; at < answer.length; at += WRITE_SLICE) {
        body.write(answer, at, Math.min(WRITE_SLICE, answer.length - at));
      }
    }
  }
}
