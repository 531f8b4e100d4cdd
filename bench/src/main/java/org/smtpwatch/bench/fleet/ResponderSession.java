package org.smtpwatch.bench.fleet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One SMTP conversation with a prober: greeting, EHLO (offering STARTTLS on a STARTTLS endpoint's
 * plaintext channel), STARTTLS, QUIT. Lenient on line ends (blackbox_exporter sends what its config
 * says), strict on line length. Only what a probe needs; anything else gets 502.
 */
final class ResponderSession implements Runnable {

  static final String NAME = "bench.smtpwatch.test";
  private static final int MAX_LINE = 1000;
  private static final int IDLE_MILLIS = 30_000;

  private final Socket socket;
  private final FleetEndpoint endpoint;
  private final SSLSocketFactory tls;

  ResponderSession(Socket socket, FleetEndpoint endpoint, SSLSocketFactory tls) {
    this.socket = socket;
    this.endpoint = endpoint;
    this.tls = tls;
  }

  @Override
  public void run() {
    try (Socket plain = socket) {
      plain.setSoTimeout(IDLE_MILLIS);
      plain.setTcpNoDelay(true);
      switch (endpoint.mode()) {
        case TLS -> converse(serverTls(plain), false, true);
        case STARTTLS -> converse(plain, true, true);
        case PLAIN -> converse(plain, false, true);
      }
    } catch (IOException e) {
      // A prober that hung up or failed its handshake: its business, not the fleet's.
    }
  }

  /**
   * @param greet false after STARTTLS: the client speaks first on the new TLS channel
   */
  private void converse(Socket io, boolean offerStartTls, boolean greet) throws IOException {
    InputStream in = new BufferedInputStream(io.getInputStream());
    OutputStream out = io.getOutputStream();
    if (greet) {
      send(out, "220 " + NAME + " ESMTP smtpwatch-bench\r\n");
    }
    String line;
    while ((line = readLine(in)) != null) {
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO" -> send(out, ehloReply(offerStartTls));
        case "HELO", "NOOP", "RSET" -> send(out, "250 " + NAME + "\r\n");
        case "QUIT" -> {
          send(out, "221 2.0.0 bye\r\n");
          return;
        }
        case "STARTTLS" -> {
          if (!offerStartTls) {
            send(out, "502 5.5.1 not here\r\n");
            continue;
          }
          send(out, "220 2.0.0 ready to start TLS\r\n");
          converse(serverTls(io), false, false);
          return;
        }
        default -> send(out, "502 5.5.2 command not implemented\r\n");
      }
    }
  }

  private static String ehloReply(boolean offerStartTls) {
    return "250-"
        + NAME
        + "\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n"
        + (offerStartTls ? "250-STARTTLS\r\n" : "")
        + "250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n";
  }

  private SSLSocket serverTls(Socket under) throws IOException {
    SSLSocket ssl = (SSLSocket) tls.createSocket(under, null, under.getPort(), true);
    ssl.setUseClientMode(false);
    ssl.startHandshake();
    return ssl;
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** A line without its CR LF (or bare LF); null at end of stream; an overlong line ends it. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      if (line.length() >= MAX_LINE) {
        return null;
      }
      line.append((char) b);
    }
    return null;
  }
}
