package org.smtpwatch.agent.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.smtpwatch.agent.ocsp.OcspResponseCheck;
import org.smtpwatch.agent.ocsp.OcspResult;
import org.smtpwatch.agent.ocsp.OcspSubject;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.config.TlsPolicy;

/**
 * Performs the client side of a TLS handshake over an already connected socket (implicit TLS right
 * after connect, or STARTTLS after the server's 220), under one endpoint's {@link TlsPolicy}.
 *
 * <p>Thread-safe: trust material is loaded once, everything per handshake is created per call.
 */
public final class TlsHandshaker {

  private final TlsPolicy policy;
  private final ChainValidator validator;
  private final CertificateInspector inspector = new CertificateInspector();
  private final HandshakeFailureClassifier classifier = new HandshakeFailureClassifier();
  private final OcspResponseCheck ocspCheck;

  private TlsHandshaker(TlsPolicy policy, ChainValidator validator, Clock clock) {
    this.policy = policy;
    this.validator = validator;
    this.ocspCheck = new OcspResponseCheck(clock);
  }

  /**
   * Prepares trust material for a policy once (the JDK's store, or the PEM bundle in {@code
   * ca_file}).
   *
   * @throws TlsSetupException if {@code ca_file} cannot be read or holds no certificate, or {@code
   *     min_version} names no protocol we know
   */
  public static TlsHandshaker forPolicy(TlsPolicy policy) throws TlsSetupException {
    if (policy.minVersion() != null && !ProtocolVersions.isKnown(policy.minVersion())) {
      throw new TlsSetupException(
          "unknown min_version " + policy.minVersion() + " (use TLSv1.2 or TLSv1.3)", null);
    }
    X509TrustManager pkix =
        policy.caFile() == null ? PkixTrust.jdkDefault() : PkixTrust.fromPemFile(policy.caFile());
    Clock clock = Clock.systemUTC();
    return new TlsHandshaker(policy, new ChainValidator(pkix, new HostnameMatcher(), clock), clock);
  }

  /**
   * Layers TLS over {@code connected} (closing it with the TLS socket), sends SNI for the policy's
   * expected name, and completes the handshake within {@code timeout}. Never throws: every problem
   * is a {@link TlsHandshakeResult#failure()} in phase {@code tls_handshake}.
   */
  public TlsHandshakeResult handshake(Socket connected, String host, int port, Duration timeout) {
    String expectedName = policy.expectedName(host);
    RecordingTrustManager recorder =
        new RecordingTrustManager(validator, expectedName, policy.verify());
    SSLSocket tls = null;
    try {
      tls = layer(connected, expectedName, port, recorder);
      String[] protocols = ProtocolVersions.atLeast(tls.getEnabledProtocols(), policy.minVersion());
      if (protocols.length == 0) {
        closeQuietly(tls);
        return new TlsHandshakeResult(null, null, null, noProtocolLeft(), null, null);
      }
      configure(tls, expectedName, protocols);
      // Bounds every read; a server trickling one record per (timeout - epsilon) could stretch
      // the whole handshake further, which the prober's whole-probe deadline has to cover.
      tls.setSoTimeout(Math.toIntExact(Math.max(1, timeout.toMillis())));
      tls.startHandshake();
      return completed(tls, recorder);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      closeQuietly(tls != null ? tls : connected);
      Optional<Failure> rejected =
          recorder
              .verdict()
              .filter(verdict -> policy.verify() && verdict.problem() != null)
              .map(CertificateVerdict::problem);
      if (rejected.isPresent()) {
        // The peers agreed on version and cipher before the certificate was refused.
        return result(null, recorder.negotiated().orElse(null), recorder, rejected.get());
      }
      return result(null, null, recorder, classifier.classify(e, timeout, policy.minVersion()));
    }
  }

  /*
   * A fresh SSLContext per handshake: a shared one would resume cached sessions, and a resumed
   * session skips the trust manager, so the chain would be neither recorded nor checked again.
   */
  private static SSLSocket layer(
      Socket connected, String expectedName, int port, RecordingTrustManager recorder)
      throws GeneralSecurityException, IOException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {recorder}, null);
    return (SSLSocket) context.getSocketFactory().createSocket(connected, expectedName, port, true);
  }

  /**
   * Socket factory for the login session that follows the probe: this policy's trust anchors and
   * name, always verified (see {@link CredentialSocketFactory}).
   *
   * @param guard receives every socket created, so a deadline alarm can close it
   */
  public SSLSocketFactory credentialSocketFactory(String host, Consumer<Socket> guard) {
    return new CredentialSocketFactory(
        validator, policy.expectedName(host), policy.minVersion(), guard);
  }

  static void configure(SSLSocket tls, String expectedName, String[] protocols) {
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setProtocols(protocols);
    // The JDK adds SNI on its own only for dotted names; "localhost" or a bare internal host name
    // still deserves SNI, an IP literal must not get it (RFC 6066 section 3).
    parameters.setServerNames(serverNames(expectedName));
    // Name checks are ours (HostnameMatcher), so a mismatch is reported rather than only thrown.
    parameters.setEndpointIdentificationAlgorithm(null);
    tls.setSSLParameters(parameters);
  }

  private static List<SNIServerName> serverNames(String expectedName) {
    if (IpLiteral.is(expectedName)) {
      return List.of();
    }
    String name =
        expectedName.endsWith(".")
            ? expectedName.substring(0, expectedName.length() - 1)
            : expectedName;
    try {
      return List.of(new SNIHostName(name));
    } catch (IllegalArgumentException e) {
      return List.of(); // not a valid SNI name (underscores, ...): send none rather than fail
    }
  }

  private TlsHandshakeResult completed(SSLSocket tls, RecordingTrustManager recorder) {
    SSLSession session = tls.getSession();
    TlsSession negotiated = new TlsSession(session.getProtocol(), session.getCipherSuite());
    if (policy.verify() && recorder.verdict().isEmpty()) {
      closeQuietly(tls);
      return result(
          null,
          negotiated,
          recorder,
          new Failure(
              Phase.TLS_HANDSHAKE,
              FailureReason.CERT_UNTRUSTED,
              "the server presented no certificate"));
    }
    return result(tls, negotiated, recorder, null);
  }

  /** The outcome with whatever the recorder saw: certificate, and the stapled OCSP response. */
  private TlsHandshakeResult result(
      SSLSocket tls, TlsSession negotiated, RecordingTrustManager recorder, Failure failure) {
    Optional<CertificateVerdict> verdict = recorder.verdict();
    CertificateDetails certificate = verdict.map(inspector::describe).orElse(null);
    OcspSubject subject =
        verdict.map(v -> OcspSubject.of(v.chain(), validator.acceptedIssuers())).orElse(null);
    OcspResult stapled =
        subject == null
            ? null
            : recorder.stapled().map(der -> ocspCheck.check(der, subject, null)).orElse(null);
    return new TlsHandshakeResult(tls, negotiated, certificate, failure, subject, stapled);
  }

  private Failure noProtocolLeft() {
    return new Failure(
        Phase.TLS_HANDSHAKE,
        FailureReason.TLS_VERSION,
        "no protocol enabled in this JVM is " + policy.minVersion() + " or newer");
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException | RuntimeException e) {
      // Already failing; the handshake's own failure is the one worth reporting.
    }
  }
}
