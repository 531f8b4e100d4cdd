package org.smtpwatch.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris: more clients than the server has threads, each sending its request headers one byte
 * per second. The server must cut them off and go on answering /metrics.
 */
class SlowClientTest {

  private static final int SLOW_CLIENTS = 16;
  private static final Duration DEADLINE = Duration.ofSeconds(40);

  @TempDir Path dir;

  private HttpFixture http;
  private final List<Socket> slow = new ArrayList<>();
  private final CountDownLatch testOver = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    http = HttpFixture.startWithoutAgent(dir);
  }

  @AfterEach
  void stop() throws IOException {
    testOver.countDown();
    for (Socket socket : slow) {
      socket.close();
    }
    http.close();
  }

  @Test
  void clientsTricklingTheirHeadersAreCutOffAndMetricsKeepAnswering() throws Exception {
    for (int i = 0; i < SLOW_CLIENTS; i++) {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.server.port());
      socket
          .getOutputStream()
          .write("GET /metrics HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      slow.add(socket);
    }
    Thread trickler = new Thread(this::trickle, "slow-clients");
    trickler.setDaemon(true);
    trickler.start();

    assertThat(metricsStatusWithin(DEADLINE)).isEqualTo(200);
    for (Socket socket : slow) {
      assertThat(closedByServerWithin(socket, DEADLINE)).as("cut off by the server").isTrue();
    }
    assertThat(http.get("/metrics").statusCode()).isEqualTo(200);
  }

  /** One header byte per second to every slow client, until the test ends. */
  private void trickle() {
    try {
      while (!testOver.await(1, TimeUnit.SECONDS)) {
        for (Socket socket : slow) {
          try {
            socket.getOutputStream().write('X');
          } catch (IOException e) {
            // Cut off: what the test waits for.
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int metricsStatusWithin(Duration deadline) throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      try {
        HttpResponse<String> response = http.get("/metrics");
        return response.statusCode();
      } catch (HttpTimeoutException e) {
        if (System.nanoTime() > end) {
          throw new AssertionError("/metrics did not answer within " + deadline, e);
        }
      }
    }
  }

  private static boolean closedByServerWithin(Socket socket, Duration deadline) throws IOException {
    socket.setSoTimeout((int) deadline.toMillis());
    InputStream in = socket.getInputStream();
    try {
      // The server may answer 408 or just close; either way the stream ends.
      while (in.read() >= 0) {
        // Read the rest of whatever it said.
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }
}
