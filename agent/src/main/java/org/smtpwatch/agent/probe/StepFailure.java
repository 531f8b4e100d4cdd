package org.smtpwatch.agent.probe;

/**
 * A probe step ended the probe. Internal control flow only: {@link SmtpProber} turns it into the
 * result's {@link Failure}; it never leaves the engine.
 */
final class StepFailure extends Exception {

  private final transient Failure failure;

  StepFailure(Failure failure) {
    super(
        failure.phase().label() + ": " + failure.reason().label() + ": " + failure.detail(),
        null,
        false,
        false);
    this.failure = failure;
  }

  StepFailure(Phase phase, FailureReason reason, String detail) {
    this(new Failure(phase, reason, detail));
  }

  Failure failure() {
    return failure;
  }
}
