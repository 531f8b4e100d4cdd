package org.smtpwatch.agent.testkit.postfix;

import java.util.List;
import org.smtpwatch.config.Mode;

/**
 * The four listeners of a {@link PostfixInstance}, shaped like the ports smtpwatch knows; each gets
 * a free high port. Their {@code master.cf} options are what a mail administrator writes for those
 * ports.
 */
public enum PostfixListener {
  /** Relay: STARTTLS offered, TLS optional, no AUTH. */
  SMTP_25(25, Mode.STARTTLS, List.of("smtpd_tls_security_level=may")),
  /** Submissions (RFC 8314): implicit TLS, AUTH. */
  SUBMISSIONS_465(
      465,
      Mode.TLS,
      List.of(
          "smtpd_tls_wrappermode=yes",
          "smtpd_sasl_auth_enable=yes",
          "smtpd_recipient_restrictions=permit_sasl_authenticated,reject")),
  /** Submission: TLS required, AUTH only after TLS. */
  SUBMISSION_587(587, Mode.STARTTLS, submission()),
  /** The unofficial alternative submission port, configured as 587. */
  SUBMISSION_2525(2525, Mode.STARTTLS, submission());

  private final int shapedLike;
  private final Mode mode;
  private final List<String> options;

  PostfixListener(int shapedLike, Mode mode, List<String> options) {
    this.shapedLike = shapedLike;
    this.mode = mode;
    this.options = options;
  }

  /** The well-known port this listener stands for. */
  public int shapedLike() {
    return shapedLike;
  }

  /** How smtpwatch talks to it (its default for {@link #shapedLike()}). */
  public Mode mode() {
    return mode;
  }

  /** Its {@code -o name=value} options in {@code master.cf}, before per-test overrides. */
  public List<String> options() {
    return options;
  }

  /** Whether Postfix offers SASL AUTH on this listener (after TLS, unless overridden). */
  public boolean offersAuth() {
    return this != SMTP_25;
  }

  private static List<String> submission() {
    return List.of(
        "smtpd_tls_security_level=encrypt",
        "smtpd_sasl_auth_enable=yes",
        "smtpd_tls_auth_only=yes",
        "smtpd_recipient_restrictions=permit_sasl_authenticated,reject");
  }
}
