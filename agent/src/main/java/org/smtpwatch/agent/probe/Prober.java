package org.smtpwatch.agent.probe;

import org.smtpwatch.config.Endpoint;

/**
 * Runs one probe. Never throws for anything the network or the server does: a failed probe is a
 * {@link ProbeResult} with a {@link Failure}. Returns within the endpoint's timeout plus a small
 * margin.
 */
public interface Prober {

  ProbeResult probe(Endpoint endpoint, Transcript transcript);

  default ProbeResult probe(Endpoint endpoint) {
    return probe(endpoint, Transcript.discarding());
  }
}
