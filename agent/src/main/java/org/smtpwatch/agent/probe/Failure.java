package org.smtpwatch.agent.probe;

import java.util.Objects;

/**
 * Why a probe did not meet its endpoint's policy: the phase it stopped in, one reason from the
 * closed set, and a sentence for people (never a secret).
 */
public record Failure(Phase phase, FailureReason reason, String detail) {

  public Failure {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
