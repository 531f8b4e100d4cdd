package org.smtpwatch.agent.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.config.AuthSpec;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.SendSpec;
import org.smtpwatch.config.TlsPolicy;

/**
 * What the login tests share: a certificate for {@code localhost}, its CA in a file, a private
 * password file, and endpoints with credentials that resolve {@code localhost} to 127.0.0.1 only.
 */
final class LoginFixture {

  static final String USER = "monitor@smtpwatch.test";

  /** Distinctive, so a leak anywhere can be grepped for. */
  static final String PASSWORD = "Zq7-sekrit-9Xw!pass";

  static final HostResolver LOCALHOST =
      host -> {
        if (host.equals("localhost")) {
          return List.of(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}));
        }
        throw new UnknownHostException(host);
      };

  final TestCertificates certificates = TestCertificates.forLocalhost();
  final Path caFile;
  final Path passwordFile;
  final SmtpProber prober = new SmtpProber(LOCALHOST, Map.<String, String>of()::get);

  LoginFixture(Path dir) throws IOException {
    caFile = certificates.writeCaPem(dir);
    passwordFile = writePrivate(dir.resolve("monitor.pass"), PASSWORD + "\n");
  }

  static Path writePrivate(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  AuthSpec auth() {
    return new AuthSpec(USER, passwordFile, null, List.of(), false);
  }

  AuthSpec auth(Path password, List<String> mechanisms, SendSpec send) {
    return new AuthSpec(USER, password, null, mechanisms, false, send);
  }

  TlsPolicy verified() {
    return new TlsPolicy(true, true, caFile, null, null);
  }

  Endpoint endpoint(int port, Mode mode, AuthSpec auth, Duration timeout) {
    return withAuth(TestEndpoints.endpoint("localhost", port, mode, verified(), timeout), auth);
  }

  static Endpoint withAuth(Endpoint endpoint, AuthSpec auth) {
    return new Endpoint(
        endpoint.host(),
        endpoint.port(),
        endpoint.mode(),
        endpoint.tls(),
        auth,
        endpoint.labels(),
        endpoint.interval(),
        endpoint.timeout(),
        endpoint.ehloName(),
        endpoint.ipPreference());
  }
}
