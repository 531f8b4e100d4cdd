package org.smtpwatch.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths, methods and status codes; /metrics content negotiation and gzip. */
class HttpEndpointsTest {

  @TempDir Path dir;

  private HttpFixture http;

  @BeforeEach
  void start() throws Exception {
    http = HttpFixture.startWithoutAgent(dir);
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void healthyIsOk() throws Exception {
    HttpResponse<String> response = http.get("/-/healthy");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("OK\n");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
  }

  @Test
  void headGetsTheStatusWithoutABody() throws Exception {
    HttpResponse<String> response = http.send("HEAD", "/-/healthy");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void metricsDefaultToThePrometheusTextFormat() throws Exception {
    HttpResponse<String> response = http.get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(response.body()).contains("smtpwatch_test_value 42.0").doesNotContain("# EOF");
  }

  @Test
  void metricsInOpenMetricsWhenAsked() throws Exception {
    HttpResponse<String> response =
        http.get(
            "/metrics", "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/openmetrics-text"));
    assertThat(response.body()).contains("smtpwatch_test_value 42.0").endsWith("# EOF\n");
  }

  @Test
  void metricsGzippedWhenAccepted() throws Exception {
    HttpResponse<byte[]> response = http.getBytes("/metrics", "Accept-Encoding", "gzip");

    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gunzip(response.body())).contains("smtpwatch_test_value 42.0");
  }

  @Test
  void unknownPathIs404WithAPlainMessage() throws Exception {
    HttpResponse<String> response = http.get("/admin");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).startsWith("not found;").contains("/metrics");
  }

  @Test
  void wrongMethodIs405AndSaysWhichAreAllowed() throws Exception {
    HttpResponse<String> reloadByGet = http.get("/-/reload");
    HttpResponse<String> postToHealthy = http.send("POST", "/-/healthy");
    HttpResponse<String> deleteStatus = http.send("DELETE", "/");

    assertThat(reloadByGet.statusCode()).isEqualTo(405);
    assertThat(reloadByGet.headers().firstValue("Allow")).hasValue("POST");
    assertThat(reloadByGet.body()).contains("use POST");
    assertThat(postToHealthy.statusCode()).isEqualTo(405);
    assertThat(postToHealthy.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(deleteStatus.statusCode()).isEqualTo(405);
  }

  @Test
  void metricsTakesOnlyGetAndHeadAtItsExactPath() throws Exception {
    HttpResponse<String> delete = http.send("DELETE", "/metrics");
    HttpResponse<String> post = http.send("POST", "/metrics");
    HttpResponse<String> head = http.send("HEAD", "/metrics");
    HttpResponse<String> longer = http.get("/metricsX");
    HttpResponse<String> below = http.get("/metrics/x");

    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(delete.body()).doesNotContain("smtpwatch_test_value");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(longer.statusCode()).isEqualTo(404);
    assertThat(below.statusCode()).isEqualTo(404);
  }

  @Test
  void oversizedQueryIs414() throws Exception {
    HttpResponse<String> response = http.get("/probe?target=" + "a".repeat(3000) + ":25");

    assertThat(response.statusCode()).isEqualTo(414);
    assertThat(response.body()).contains("query too long");
  }

  @Test
  void statusPageIsHtml() throws Exception {
    HttpResponse<String> response = http.get("/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(response.body()).contains("<title>smtpwatch status</title>", "href=\"metrics\"");
  }

  @Test
  void theServerKeepsAnsweringAfterBadRequests() throws Exception {
    assertThat(http.get("/probe?target=%00%0d%0a:25").statusCode()).isEqualTo(400);
    http.get("/probe?target=" + "b".repeat(5000));
    http.send("PATCH", "/-/ready");

    assertThat(http.get("/-/healthy").statusCode()).isEqualTo(200);
  }

  private static String gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
