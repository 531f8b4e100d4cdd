package org.smtpwatch.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.config.WebConfig;

/** HTTPS with a PEM certificate that is re-read on change, and bcrypt basic auth on every path. */
class TlsAndBasicAuthTest {

  private static final String USER = "prometheus";
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path dir;

  private final TestCertificates first = TestCertificates.forLocalhost();
  private final TestCertificates second = TestCertificates.forLocalhost();
  private ExporterHttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(String minVersion) throws Exception {
    Path chain = first.writeChainPem(dir);
    Path key = first.writePrivateKeyPem(dir);
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    // Cost 4 keeps the test fast; the production cost is whatever the hash says.
    String hash = OpenBSDBCrypt.generate("2y", PASSWORD.toCharArray(), salt, 4);
    HttpServerSetup plain =
        HttpFixture.setup(
            List::of,
            () -> {
              throw new AssertionError("no config here");
            },
            () -> {
              throw new AssertionError("no reload here");
            },
            (endpoint, transcript) -> {
              throw new AssertionError("no probe here");
            },
            Clock.systemUTC());
    server =
        ExporterHttpServer.start(
            new HttpServerSetup(
                plain.listen(),
                new WebConfig(chain, key, minVersion, Map.of(USER, hash)),
                plain.agent(),
                plain.registry(),
                plain.probeMetrics(),
                plain.prober(),
                plain.readyAfter(),
                plain.clock(),
                plain.version()));
  }

  @Test
  void theRightPasswordGetsEveryPath() throws Exception {
    start("TLSv1.2");

    for (String path : List.of("/", "/metrics", "/-/healthy")) {
      HttpResponse<String> response = get(client(first), path, basic(USER, PASSWORD));
      assertThat(response.statusCode()).as(path).isEqualTo(200);
    }
    assertThat(server.baseUri().getScheme()).isEqualTo("https");
  }

  @Test
  void aWrongPasswordAnUnknownUserOrNoCredentialsGet401WithAChallenge() throws Exception {
    start("TLSv1.2");
    HttpClient client = client(first);

    List<HttpResponse<String>> refused =
        List.of(
            get(client, "/metrics", basic(USER, "wrong")),
            get(client, "/", basic("nobody", PASSWORD)),
            get(client, "/-/healthy"),
            get(client, "/probe?target=x:25", "Authorization", "Basic !!!not-base64"),
            get(client, "/", "Authorization", "Basic " + base64("no-colon")));

    assertThat(refused)
        .allSatisfy(
            response -> {
              assertThat(response.statusCode()).isEqualTo(401);
              assertThat(response.headers().firstValue("WWW-Authenticate"))
                  .hasValue("Basic realm=\"smtpwatch\", charset=\"UTF-8\"");
              assertThat(response.body()).doesNotContain(PASSWORD);
            });
  }

  @Test
  void plaintextHttpToTheTlsListenerFails() throws Exception {
    start("TLSv1.2");
    URI plain = URI.create("http://127.0.0.1:" + server.port() + "/-/healthy");
    HttpClient client = HttpClient.newBuilder().connectTimeout(HttpFixture.WAIT).build();

    assertThatThrownBy(
            () ->
                client.send(
                    HttpRequest.newBuilder(plain).timeout(HttpFixture.WAIT).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void tlsMinVersion13RefusesATls12OnlyClient() throws Exception {
    start("TLSv1.3");
    SSLParameters tls12Only = new SSLParameters();
    tls12Only.setProtocols(new String[] {"TLSv1.2"});
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trusting(first))
            .sslParameters(tls12Only)
            .connectTimeout(HttpFixture.WAIT)
            .build();

    assertThatThrownBy(() -> get(client, "/-/healthy", basic(USER, PASSWORD)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aRenewedCertificateIsServedWithoutARestartAndABrokenOneIsIgnored() throws Exception {
    start("TLSv1.2");
    assertThat(servedLeaf()).isEqualTo(first.leaf());

    Path chain = second.writeChainPem(dir);
    Path key = second.writePrivateKeyPem(dir);
    touch(chain, 10);
    touch(key, 10);
    X509Certificate renewed = servedLeaf();
    Files.writeString(chain, "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
    touch(chain, 20);
    X509Certificate afterBrokenWrite = servedLeaf();

    assertThat(renewed).isEqualTo(second.leaf());
    assertThat(afterBrokenWrite).isEqualTo(second.leaf());
  }

  @Test
  void aKeyOfAnotherCertificateOrAFileWithoutPemStopsTheStartWithTheFileNamed() throws Exception {
    Path chain = first.writeChainPem(dir);
    Path otherKey = second.writePrivateKeyPem(Files.createDirectories(dir.resolve("other")));
    Path notPem = Files.writeString(dir.resolve("not.pem"), "hello\n");

    assertThatThrownBy(() -> PemKeyMaterial.load(chain, otherKey))
        .isInstanceOf(IOException.class)
        .hasMessage(otherKey + ": the key does not belong to the first certificate");
    assertThatThrownBy(() -> PemKeyMaterial.load(notPem, otherKey))
        .isInstanceOf(IOException.class)
        .hasMessage(notPem + ": no PEM CERTIFICATE block found");
    assertThatThrownBy(() -> PemKeyMaterial.load(chain, notPem))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(notPem + ": no unencrypted PEM private key found");
  }

  /** A new client each time, so each request is a new connection and a new handshake. */
  private X509Certificate servedLeaf() throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trusting(first, second))
            .connectTimeout(HttpFixture.WAIT)
            .build();
    HttpResponse<String> response = get(client, "/-/healthy", basic(USER, PASSWORD));
    assertThat(response.statusCode()).isEqualTo(200);
    return (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
  }

  private HttpResponse<String> get(HttpClient client, String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.baseUri().resolve(path)).timeout(HttpFixture.WAIT);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient client(TestCertificates trusted) throws Exception {
    return HttpClient.newBuilder()
        .sslContext(trusting(trusted))
        .connectTimeout(HttpFixture.WAIT)
        .build();
  }

  /** Trusts exactly the test authorities given: never everything. */
  private static SSLContext trusting(TestCertificates... trusted) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    for (int i = 0; i < trusted.length; i++) {
      store.setCertificateEntry("ca" + i, trusted[i].trustAnchor());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static String[] basic(String user, String password) {
    return new String[] {"Authorization", "Basic " + base64(user + ":" + password)};
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A modification time clearly after the first load's, whatever the file system's resolution. */
  private static void touch(Path file, long secondsLater) throws IOException {
    Files.setLastModifiedTime(
        file,
        FileTime.from(
            Files.getLastModifiedTime(file).toInstant().plus(Duration.ofSeconds(secondsLater))));
  }
}
