package org.smtpwatch.agent.probe;

import org.smtpwatch.agent.ocsp.OcspQuery;
import org.smtpwatch.agent.ocsp.OcspReport;
import org.smtpwatch.agent.ocsp.OcspResult;
import org.smtpwatch.agent.ocsp.OcspSubject;
import org.smtpwatch.config.Endpoint;

/**
 * The OCSP part of a probe, after the SMTP session has ended (so the mail server's connection is
 * not held open while a third party answers): the stapled response as the handshake saw it, and the
 * direct query when the endpoint asks for one, within what is left of the probe's deadline.
 */
final class RevocationCheck {

  private final OcspQuery query;

  RevocationCheck(OcspQuery query) {
    this.query = query;
  }

  /** {@code null} when the probe saw no certificate. */
  OcspReport report(
      Endpoint endpoint,
      OcspSubject subject,
      OcspResult stapled,
      Deadline deadline,
      Transcript transcript) {
    if (subject == null) {
      return null;
    }
    OcspResult queried = null;
    if (endpoint.tls().ocspQuery()) {
      queried = query.query(subject, deadline.remaining());
      transcript.add(
          deadline.elapsedNanos(),
          Transcript.Direction.NOTE,
          "OCSP query"
              + (queried.responder() != null ? " to " + queried.responder() : "")
              + ": "
              + queried.status().label()
              + " ("
              + queried.detail()
              + ")");
    }
    return new OcspReport(stapled, queried);
  }
}
