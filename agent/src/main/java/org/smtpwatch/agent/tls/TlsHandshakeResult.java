package org.smtpwatch.agent.tls;

import javax.net.ssl.SSLSocket;
import org.smtpwatch.agent.ocsp.OcspResult;
import org.smtpwatch.agent.ocsp.OcspSubject;
import org.smtpwatch.agent.probe.Failure;

/**
 * The outcome of one TLS handshake. The certificate is reported whenever the server presented one,
 * also when the handshake or the policy check failed.
 *
 * @param socket the established TLS socket, or {@code null} on failure (then already closed)
 * @param session the negotiated version and cipher, or {@code null} if none was agreed (a handshake
 *     refused for its certificate has one)
 * @param certificate the presented leaf certificate with trust and name checks, or {@code null}
 * @param failure {@code null} when the handshake completed and the certificate met the policy
 * @param ocspSubject the leaf and its issuer, for OCSP; {@code null} when no certificate was seen
 * @param stapledOcsp the checked response the server stapled, or {@code null} if it stapled none
 */
public record TlsHandshakeResult(
    SSLSocket socket,
    TlsSession session,
    CertificateDetails certificate,
    Failure failure,
    OcspSubject ocspSubject,
    OcspResult stapledOcsp) {}
