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
  private final int limit;
  private final Buffer buffer = new Buffer();
  private OutputStream streaming;

  /** The body of a 200 answer on {@code exchange}, whose headers are set but not sent. */
  SpillingBody(HttpExchange exchange, int limit) {
    this.exchange = exchange;
    this.limit = limit;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (streaming == null && buffer.size() + length > limit) {
      exchange.sendResponseHeaders(200, 0);
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
    int length = buffer.size();
    // A length of 0 means "chunked" to the JDK's server; -1 means no body.
    exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
    try (OutputStream body = exchange.getResponseBody()) {
      for (int at = 0; at < length; at += WRITE_SLICE) {
        body.write(buffer.bytes(), at, Math.min(WRITE_SLICE, length - at));
      }
    }
  }

  /** Its array read in place: a copy would be megabytes per scrape. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(64 * 1024);
    }

    byte[] bytes() {
      return buf;
    }
  }
}
