package org.smtpwatch.exporter.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.smtpwatch.agent.tls.issue.CertificateSigner;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.agent.tls.issue.PemFiles;
import org.smtpwatch.agent.tls.issue.ServerContexts;

/**
 * A throw-away certificate authority and a server certificate for {@code localhost} and {@code
 * 127.0.0.1}, made fresh at every demo start, so the demo shows real verification (trusted,
 * hostname match, days left) without shipping a key.
 */
final class DemoCertificates {

  private final X509Certificate authority;
  private final X509Certificate leaf;
  private final KeyPair leafKeys;

  private DemoCertificates(X509Certificate authority, X509Certificate leaf, KeyPair leafKeys) {
    this.authority = authority;
    this.leaf = leaf;
    this.leafKeys = leafKeys;
  }

  static DemoCertificates issue() {
    CertificateSpec authoritySpec = CertificateSpec.forAuthority("smtpwatch demo CA");
    KeyPair authorityKeys = authoritySpec.keyType().generate();
    X509Certificate authority =
        CertificateSigner.sign(
            authoritySpec,
            authorityKeys.getPublic(),
            null,
            authorityKeys,
            authoritySpec.keyType(),
            true);
    CertificateSpec leafSpec = CertificateSpec.forHosts("localhost", "127.0.0.1");
    KeyPair leafKeys = leafSpec.keyType().generate();
    X509Certificate leaf =
        CertificateSigner.sign(
            leafSpec,
            leafKeys.getPublic(),
            authority,
            authorityKeys,
            authoritySpec.keyType(),
            false);
    return new DemoCertificates(authority, leaf, leafKeys);
  }

  /** A server context presenting the leaf and its authority. */
  SSLContext serverContext() throws GeneralSecurityException, IOException {
    return ServerContexts.presenting(List.of(leaf, authority), leafKeys.getPrivate());
  }

  /** Writes the authority as {@code dir/demo-ca.pem}, for the probes' {@code tls.ca_file}. */
  Path writeAuthorityPem(Path dir) throws IOException {
    return PemFiles.write(dir.resolve("demo-ca.pem"), List.of(authority));
  }
}
