package org.smtpwatch.agent.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.smtpwatch.agent.tls.issue.CertificateSigner;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.agent.tls.issue.KeyType;
import org.smtpwatch.agent.tls.issue.PemFiles;
import org.smtpwatch.agent.tls.issue.ServerContexts;

/**
 * A server certificate for tests, with its private key, the chain a server presents and the root a
 * client trusts. Everything is generated per call with Bouncy Castle, with exact dates.
 *
 * <pre>{@code
 * TestCertificates certs = TestCertificates.forLocalhost();          // the common case
 * SSLServerSocket server = (SSLServerSocket) certs.serverContext()
 *     .getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
 * Path caFile = certs.writeCaPem(tempDir);                            // for tls.ca_file
 *
 * Instant expiry = TestCertificates.now().minus(Duration.ofDays(3));
 * TestCertificates expired = TestCertificates.authority().issue(
 *     CertificateSpec.forHosts("localhost").withValidity(expiry.minus(Duration.ofDays(90)), expiry));
 * }</pre>
 */
public final class TestCertificates {

  private final List<X509Certificate> chain;
  private final PrivateKey privateKey;
  private final X509Certificate trustAnchor;

  /**
   * @param chain leaf first, then intermediates; without the root
   * @param trustAnchor the certificate a client must trust (the root, or the leaf if self-signed)
   */
  public TestCertificates(
      List<X509Certificate> chain, PrivateKey privateKey, X509Certificate trustAnchor) {
    this.chain = List.copyOf(chain);
    this.privateKey = privateKey;
    this.trustAnchor = trustAnchor;
  }

  /** A fresh root CA and an EC P-256 leaf for {@code localhost} and {@code 127.0.0.1}. */
  public static TestCertificates forLocalhost() {
    return forLocalhost(KeyType.EC_P256);
  }

  /**
   * A fresh root CA and a leaf with the given key type for {@code localhost} and {@code 127.0.0.1}.
   */
  public static TestCertificates forLocalhost(KeyType keyType) {
    return authority()
        .issue(CertificateSpec.forHosts("localhost", "127.0.0.1").withKeyType(keyType));
  }

  /** A fresh root CA with a unique name, EC P-256, valid from 30 days ago for 10 years. */
  public static TestCertificateAuthority authority() {
    return TestCertificateAuthority.root(CertificateSpec.forAuthority(uniqueName("test CA")));
  }

  /** A self-signed server certificate: the leaf is its own trust anchor. */
  public static TestCertificates selfSigned(CertificateSpec spec) {
    KeyPair pair = TestKeys.pairFor(spec.keyType());
    X509Certificate self =
        CertificateSigner.sign(spec, pair.getPublic(), null, pair, spec.keyType(), false);
    return new TestCertificates(List.of(self), pair.getPrivate(), self);
  }

  /** The current instant in whole seconds: the precision certificates carry. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /** {@code prefix} plus random hex, so authorities from different tests never share a name. */
  public static String uniqueName(String prefix) {
    return prefix + " " + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /** Leaf first, then intermediates: what the server presents. */
  public List<X509Certificate> chain() {
    return chain;
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  /** What a client has to trust for this chain to validate. */
  public X509Certificate trustAnchor() {
    return trustAnchor;
  }

  /**
   * A TLS server context presenting {@link #chain()}; it trusts nobody (no client certificates).
   */
  public SSLContext serverContext() {
    try {
      return ServerContexts.presenting(chain, privateKey);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a server context from test certificates", e);
    }
  }

  /**
   * A TLS client context that trusts exactly {@link #trustAnchor()}, for tests acting as client.
   */
  public SSLContext clientContext() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("anchor", trustAnchor);
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a client context from test certificates", e);
    }
  }

  /** Writes the trust anchor as {@code dir/ca.pem}, ready for {@code tls.ca_file}. */
  public Path writeCaPem(Path dir) throws IOException {
    return PemFiles.write(dir.resolve("ca.pem"), List.of(trustAnchor));
  }

  /** Writes the presented chain (leaf first) as {@code dir/chain.pem}, e.g. for Postfix. */
  public Path writeChainPem(Path dir) throws IOException {
    return PemFiles.write(dir.resolve("chain.pem"), chain);
  }

  /** Writes the private key, unencrypted PKCS#8, as {@code dir/key.pem}, e.g. for Postfix. */
  public Path writePrivateKeyPem(Path dir) throws IOException {
    return PemFiles.write(dir.resolve("key.pem"), List.of(new JcaPKCS8Generator(privateKey, null)));
  }
}
