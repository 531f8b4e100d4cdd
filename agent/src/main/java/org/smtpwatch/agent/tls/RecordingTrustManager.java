package org.smtpwatch.agent.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client-side trust decision of one handshake. It records the presented chain before validating
 * it, so an expired, self-signed or wrong-host certificate is still described; then it always
 * validates (PKIX, dates, name) and keeps the verdict for the caller to report.
 *
 * <p>It aborts the handshake only when the policy verifies. With {@code verify: false} the user has
 * chosen to reach the server regardless (a port-25 relay, an internal host); the verdict is still
 * reported as {@code trusted}/{@code hostname_match} = 0, which is what alerts are built on.
 *
 * <p>One instance per handshake: it holds that handshake's verdict.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {

  private final ChainValidator validator;
  private final String expectedName;
  private final boolean verify;
  private volatile CertificateVerdict verdict;
  private volatile TlsSession negotiated;
  private volatile byte[] stapled;

  RecordingTrustManager(ChainValidator validator, String expectedName, boolean verify) {
    this.validator = validator;
    this.expectedName = expectedName;
    this.verify = verify;
  }

  /**
   * The version and cipher agreed before the certificate was checked: known even when the check
   * then aborts the handshake, as {@code openssl s_client} reports them for a rejected certificate.
   */
  Optional<TlsSession> negotiated() {
    return Optional.ofNullable(negotiated);
  }

  /**
   * The DER OCSP response the server stapled for its leaf certificate; empty if it stapled none.
   * The JDK client asks for one (status_request) unless {@code
   * jdk.tls.client.enableStatusRequestExtension} is set to false.
   */
  Optional<byte[]> stapled() {
    return Optional.ofNullable(stapled);
  }

  /** The verdict on the chain the server presented; empty if it presented none (yet). */
  Optional<CertificateVerdict> verdict() {
    return Optional.ofNullable(verdict);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server presented no certificate");
    }
    CertificateVerdict checked = validator.validate(chain.clone(), authType, expectedName);
    verdict = checked;
    if (verify && checked.problem() != null) {
      throw new CertificateException(checked.problem().detail());
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    if (socket instanceof SSLSocket tls && tls.getHandshakeSession() != null) {
      SSLSession handshake = tls.getHandshakeSession();
      negotiated = new TlsSession(handshake.getProtocol(), handshake.getCipherSuite());
      // Read here, during the handshake, so a response stapled to a certificate the policy then
      // refuses is still reported.
      if (handshake instanceof ExtendedSSLSession extended) {
        stapled = leafResponse(extended.getStatusResponses());
      }
    }
    checkServerTrusted(chain, authType);
  }

  /** TLS 1.3 lists one entry per certificate (empty when none); TLS 1.2 one for the leaf. */
  private static byte[] leafResponse(List<byte[]> responses) {
    return responses.isEmpty() || responses.get(0).length == 0 ? null : responses.get(0).clone();
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("the probe is a TLS client; it does not accept clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return validator.acceptedIssuers();
  }
}
