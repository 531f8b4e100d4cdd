package org.smtpwatch.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.testkit.Script.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.config.Config;

/**
 * Clients that trickle their request head one byte at a time, more of them than the server has
 * threads: each is cut off at the head deadline while scrapes, concurrent scrapes and a /probe that
 * outlasts the deadline are all answered.
 */
class SlowClientTest {

  /** Short for the test; the product's is {@link ExporterHttpServer#HEAD_DEADLINE}. */
  private static final Duration HEAD_DEADLINE = Duration.ofSeconds(1);

  /** Twice the server's threads. */
  private static final int SLOW_CLIENTS = 20;

  /** The bound within which a slow client must be disconnected: the deadline plus queueing. */
  private static final Duration DISCONNECT_BOUND = Duration.ofSeconds(20);

  @TempDir Path dir;

  private final List<AutoCloseable> open = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();

  /** A thread per client: the common pool may have a single thread on a small machine. */
  private final ExecutorService clients = Executors.newCachedThreadPool();

  @AfterEach
  void closeAll() throws Exception {
    stop.set(true);
    clients.shutdownNow();
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  @Test
  void tricklingClientsAreCutOffWhileScrapesAndALongProbeAreAnswered() throws Exception {
    // The SMTP server answers after three head deadlines: the probe must outlive them.
    ScriptedSmtpServer smtp =
        ScriptedSmtpServer.start(
            script()
                .delay(HEAD_DEADLINE.multipliedBy(3))
                .send("220 mx.smtpwatch.test ESMTP")
                .expect("EHLO")
                .send("250 mx.smtpwatch.test")
                .expect("QUIT")
                .send("221 bye"));
    open.add(smtp);
    Config config =
        HttpFixture.config(
            "targets: [{host: 127.0.0.1, ports: [{port: " + smtp.port() + ", mode: plain}]}]", dir);
    HttpFixture http =
        HttpFixture.start(
            HttpFixture.probeSetup(config, new SmtpProber(), Clock.systemUTC()), HEAD_DEADLINE);
    open.add(http);

    List<CompletableFuture<Boolean>> slow = new ArrayList<>();
    for (int i = 0; i < SLOW_CLIENTS; i++) {
      slow.add(
          CompletableFuture.supplyAsync(() -> trickleUntilCutOff(http.server.port()), clients));
    }
    CompletableFuture<HttpResponse<String>> probe =
        CompletableFuture.supplyAsync(
            () -> get(http, "/probe?target=127.0.0.1:" + smtp.port() + "&mode=plain"), clients);
    List<CompletableFuture<HttpResponse<String>>> scrapes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      scrapes.add(CompletableFuture.supplyAsync(() -> get(http, "/metrics"), clients));
    }

    for (CompletableFuture<HttpResponse<String>> scrape : scrapes) {
      HttpResponse<String> response = scrape.get(HttpFixture.WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("smtpwatch_test_value 42");
    }
    HttpResponse<String> probed = probe.get(HttpFixture.WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(probed.statusCode()).isEqualTo(200);
    assertThat(probed.body()).contains("test_probe_success{port=\"" + smtp.port() + "\"");
    assertThat(probed.body()).contains("reason=\"\"} 1.0");
    for (CompletableFuture<Boolean> client : slow) {
      assertThat(client.get(DISCONNECT_BOUND.toSeconds() + 5, TimeUnit.SECONDS))
          .as("the server closed a slow client's connection")
          .isTrue();
    }
    // Every thread is free again.
    assertThat(http.get("/-/healthy").statusCode()).isEqualTo(200);
  }

  /**
   * Sends a request head that never ends, a byte every 50 ms, until the server closes the
   * connection (true) or the bound passes (false).
   */
  private boolean trickleUntilCutOff(int port) {
    long end = System.nanoTime() + DISCONNECT_BOUND.toNanos();
    byte[] head =
        "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(50);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = 0; System.nanoTime() < end && !stop.get(); i++) {
        out.write(i < head.length ? head[i] : 'a');
        out.flush();
        if (closedByServer(in)) {
          return true;
        }
      }
      return false;
    } catch (SocketException closed) {
      return true;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Waits up to the socket's timeout for the server to close; a read timeout means still open. */
  private static boolean closedByServer(InputStream in) throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    }
  }

  private static HttpResponse<String> get(HttpFixture http, String path) {
    try {
      return http.get(path);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
