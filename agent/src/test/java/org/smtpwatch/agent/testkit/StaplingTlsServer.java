package org.smtpwatch.agent.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real TLS peer that staples an OCSP response: {@code openssl s_server -status_file}, which sends
 * exactly the DER bytes it is given (the JDK's own server fetches and filters responses itself, and
 * its switches are JVM-wide). It accepts one connection on a loopback port of its choice, and after
 * the handshake sends {@code script} (e.g. an SMTP greeting and the replies to EHLO and QUIT), so
 * an implicit-TLS probe can run against it.
 */
public final class StaplingTlsServer implements AutoCloseable {

  private static final Pattern ACCEPT = Pattern.compile("^ACCEPT 127\\.0\\.0\\.1:(\\d+)$");

  private final Process process;
  private final int port;

  private StaplingTlsServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * @param staple the DER OCSP response to staple, or {@code null} to staple none
   * @param tlsVersion {@code -tls1_2} or {@code -tls1_3} to force one, or {@code null}
   * @param script bytes sent once the handshake is done, or {@code ""}
   */
  public static StaplingTlsServer start(
      Path dir, TestCertificates certs, byte[] staple, String tlsVersion, String script)
      throws IOException {
    return start(dir, certs, staple, tlsVersion, script, List.of());
  }

  /** As above, with more {@code s_server} options ({@code -groups P-256}, ...). */
  public static StaplingTlsServer start(
      Path dir,
      TestCertificates certs,
      byte[] staple,
      String tlsVersion,
      String script,
      List<String> options)
      throws IOException {
    List<String> command =
        new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0"));
    command.addAll(
        List.of(
            "-cert",
            certs.writeChainPem(dir).toString(),
            "-key",
            certs.writePrivateKeyPem(dir).toString(),
            "-naccept",
            "1"));
    if (staple != null) {
      Path file = Files.write(dir.resolve("staple.der"), staple);
      command.addAll(List.of("-status_file", file.toString()));
    }
    if (tlsVersion != null) {
      command.add(tlsVersion);
    }
    command.addAll(options);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    OutputStream stdin = process.getOutputStream();
    // s_server holds what arrives on stdin until a client has connected; stdin stays open, since
    // its end would end the session.
    stdin.write(script.getBytes(StandardCharsets.US_ASCII));
    stdin.flush();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> readOutput(process, port), "s_server output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new StaplingTlsServer(process, port.get(10, TimeUnit.SECONDS));
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IOException("openssl s_server did not start listening: " + e, e);
    }
  }

  private static void readOutput(Process process, CompletableFuture<Integer> port) {
    StringBuilder seen = new StringBuilder();
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        Matcher accept = ACCEPT.matcher(line);
        if (accept.matches()) {
          port.complete(Integer.parseInt(accept.group(1)));
        } else if (!port.isDone()) {
          seen.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      // The process ended; whoever waits for the port is told below.
    }
    port.completeExceptionally(new IOException("s_server ended; it said: " + seen));
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
