package org.smtpwatch.agent.probe;

import org.smtpwatch.config.Endpoint;

/**
 * Probes an endpoint in its configured mode: one SMTP session under one deadline.
 *
 * <p>SKELETON: the API the schedule and CLI build against; the implementation lands with the probe
 * engine.
 */
public final class SmtpProber implements Prober {

  @Override
  public ProbeResult probe(Endpoint endpoint, Transcript transcript) {
    throw new UnsupportedOperationException("probe engine not built yet");
  }
}
