package org.smtpwatch.agent.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import org.smtpwatch.agent.probe.Failure;

/**
 * What the probe concluded about a presented chain. Every check runs on every chain, so the
 * verdicts are reported even when verification is off or an earlier check already failed.
 *
 * @param chain the chain as presented, leaf first
 * @param trusted PKIX validation against the trust store in use succeeded
 * @param hostnameMatch the leaf is valid for the expected name
 * @param validationError why the chain is not trusted, for people; {@code null} when trusted
 * @param problem the most important problem (validity dates, then trust, then name), or {@code
 *     null} when the chain meets a verifying policy
 */
record CertificateVerdict(
    List<X509Certificate> chain,
    boolean trusted,
    boolean hostnameMatch,
    String validationError,
    Failure problem) {

  CertificateVerdict {
    chain = List.copyOf(chain);
  }

  X509Certificate leaf() {
    return chain.get(0);
  }
}
