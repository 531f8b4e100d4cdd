package org.smtpwatch.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ClientHello of a probe, as the command line sends it: no TLS 1.3 resumption offered, so a
 * server makes no session ticket that the probe would never use. Run in a JVM of its own, since the
 * JDK reads the setting once, when its TLS classes first load (this test JVM's are long loaded by
 * other tests).
 */
class ResumptionNotOfferedTest {

  private static final int PSK_KEY_EXCHANGE_MODES = 45;
  private static final int PRE_SHARED_KEY = 41;
  private static final int KEY_SHARE = 51;
  private static final int SUPPORTED_VERSIONS = 43;

  @Test
  void aStartTlsProbeOffersNoPskResumption() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(30_000);
      CompletableFuture<List<Integer>> extensions =
          CompletableFuture.supplyAsync(() -> clientHelloExtensions(listener));
      Process probe =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "probe",
                  "127.0.0.1:" + listener.getLocalPort(),
                  "--mode",
                  "starttls")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      try {
        List<Integer> offered = extensions.get(60, TimeUnit.SECONDS);
        // Parsed right: a TLS 1.3 ClientHello has these.
        assertThat(offered).contains(KEY_SHARE, SUPPORTED_VERSIONS);
        assertThat(offered).doesNotContain(PSK_KEY_EXCHANGE_MODES, PRE_SHARED_KEY);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
      } finally {
        probe.destroyForcibly();
      }
    }
  }

  /** Plays a server up to STARTTLS, then reads the ClientHello and lists its extension types. */
  private static List<Integer> clientHelloExtensions(ServerSocket listener) {
    try (Socket client = listener.accept()) {
      client.setSoTimeout(30_000);
      OutputStream out = client.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      out.write("220 test.example ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).startsWith("EHLO ");
      out.write("250-test.example\r\n250 STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("STARTTLS");
      out.write("220 go ahead\r\n".getBytes(StandardCharsets.US_ASCII));
      // Nothing after STARTTLS was buffered: the client waits for our 220 before its hello.
      return extensionTypes(readRecord(new DataInputStream(client.getInputStream())));
    } catch (IOException e) {
      throw new IllegalStateException("no ClientHello from the probe", e);
    }
  }

  private static ByteBuffer readRecord(DataInputStream in) throws IOException {
    byte[] header = new byte[5];
    in.readFully(header);
    assertThat(header[0]).as("a handshake record").isEqualTo((byte) 22);
    byte[] body = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
    in.readFully(body);
    return ByteBuffer.wrap(body);
  }

  /** RFC 8446 section 4.1.2, from the handshake header to the extensions. */
  private static List<Integer> extensionTypes(ByteBuffer hello) {
    assertThat(hello.get()).as("client_hello").isEqualTo((byte) 1);
    hello.position(hello.position() + 3 + 2 + 32); // length, legacy_version, random
    skip(hello, hello.get() & 0xff); // legacy_session_id
    skip(hello, hello.getShort() & 0xffff); // cipher_suites
    skip(hello, hello.get() & 0xff); // legacy_compression_methods
    int end = (hello.getShort() & 0xffff) + hello.position();
    List<Integer> types = new ArrayList<>();
    while (hello.position() < end) {
      types.add(hello.getShort() & 0xffff);
      skip(hello, hello.getShort() & 0xffff);
    }
    return types;
  }

  private static void skip(ByteBuffer buffer, int bytes) {
    buffer.position(buffer.position() + bytes);
  }
}
