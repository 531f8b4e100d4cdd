package org.smtpwatch.bench.fleet;

import java.io.IOException;
import java.nio.file.Path;
import javax.net.ssl.SSLSocketFactory;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.tls.issue.CertificateSpec;

/** One CA and one server certificate for the whole fleet, made at start, named by SNI. */
public final class FleetCertificates {

  private final TestCertificates certificates;
  private final Path caFile;

  private FleetCertificates(TestCertificates certificates, Path caFile) {
    this.certificates = certificates;
    this.caFile = caFile;
  }

  /** Makes the CA and the certificate and writes the CA as {@code dir/ca.pem}. */
  public static FleetCertificates create(Path dir) throws IOException {
    TestCertificates certificates =
        TestCertificates.authority().issue(CertificateSpec.forHosts(serverName()));
    return new FleetCertificates(certificates, certificates.writeCaPem(dir));
  }

  /** The name every responder's certificate is for: probers send it as SNI and check it. */
  public static String serverName() {
    return ResponderSession.NAME;
  }

  public Path caFile() {
    return caFile;
  }

  public SSLSocketFactory serverSockets() {
    return certificates.serverContext().getSocketFactory();
  }
}
