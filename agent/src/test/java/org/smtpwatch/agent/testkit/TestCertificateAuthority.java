package org.smtpwatch.agent.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.smtpwatch.agent.tls.issue.CertificateSigner;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.agent.tls.issue.KeyType;
import org.smtpwatch.agent.tls.issue.PemFiles;

/**
 * A certificate authority for tests: a self-signed root, or an intermediate below another
 * authority. It issues server certificates ({@link TestCertificates}) and further intermediates.
 */
public final class TestCertificateAuthority {

  private final KeyPair keyPair;
  private final KeyType keyType;
  private final X509Certificate certificate;
  private final List<X509Certificate> pathToRoot; // this certificate first, the root last

  private TestCertificateAuthority(
      KeyPair keyPair, KeyType keyType, X509Certificate certificate, List<X509Certificate> path) {
    this.keyPair = keyPair;
    this.keyType = keyType;
    this.certificate = certificate;
    this.pathToRoot = List.copyOf(path);
  }

  /** A self-signed root described by {@code spec} (its SANs are ignored). */
  public static TestCertificateAuthority root(CertificateSpec spec) {
    KeyPair pair = TestKeys.pairFor(spec.keyType());
    X509Certificate self =
        CertificateSigner.sign(spec, pair.getPublic(), null, pair, spec.keyType(), true);
    return new TestCertificateAuthority(pair, spec.keyType(), self, List.of(self));
  }

  /** An intermediate authority signed by this one. */
  public TestCertificateAuthority intermediate(CertificateSpec spec) {
    KeyPair pair = TestKeys.pairFor(spec.keyType());
    X509Certificate issued =
        CertificateSigner.sign(spec, pair.getPublic(), certificate, keyPair, keyType, true);
    List<X509Certificate> path = new ArrayList<>();
    path.add(issued);
    path.addAll(pathToRoot);
    return new TestCertificateAuthority(pair, spec.keyType(), issued, path);
  }

  /** A server certificate signed by this authority; its chain carries the intermediates. */
  public TestCertificates issue(CertificateSpec spec) {
    KeyPair pair = TestKeys.pairFor(spec.keyType());
    X509Certificate leaf =
        CertificateSigner.sign(spec, pair.getPublic(), certificate, keyPair, keyType, false);
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(leaf);
    chain.addAll(intermediates());
    return new TestCertificates(chain, pair.getPrivate(), root());
  }

  /** This authority's key pair: it signs certificates and, in tests, OCSP responses. */
  public KeyPair keyPair() {
    return keyPair;
  }

  /** The type of {@link #keyPair()}, which decides the signature algorithm. */
  public KeyType keyType() {
    return keyType;
  }

  /** This authority's own certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The self-signed root at the top: what a client's trust store (or {@code ca_file}) holds. */
  public X509Certificate root() {
    return pathToRoot.get(pathToRoot.size() - 1);
  }

  /** The certificates between a leaf and the root, nearest first, as a server presents them. */
  public List<X509Certificate> intermediates() {
    return pathToRoot.subList(0, pathToRoot.size() - 1);
  }

  /** Writes the root certificate as {@code dir/ca.pem}, ready for {@code tls.ca_file}. */
  public Path writeCaPem(Path dir) throws IOException {
    return PemFiles.write(dir.resolve("ca.pem"), List.of(root()));
  }
}
