package org.smtpwatch.agent.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;

/**
 * WireMock over HTTPS only, on 127.0.0.1 and a free port, presenting {@code certificates}: plays
 * MTA-STS policy servers (and any other HTTPS peer) in tests.
 */
public final class HttpsPolicyServer {

  private static final String PASSWORD = "test-only";

  private HttpsPolicyServer() {}

  /** A started server; stop it with {@link WireMockServer#stop()}. */
  public static WireMockServer start(TestCertificates certificates, Path dir)
      throws IOException, GeneralSecurityException {
    Path keystore = Files.createTempFile(dir, "policy-server", ".p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server",
        certificates.privateKey(),
        PASSWORD.toCharArray(),
        certificates.chain().toArray(Certificate[]::new));
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, PASSWORD.toCharArray());
    }
    WireMockServer server =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD));
    server.start();
    return server;
  }
}
