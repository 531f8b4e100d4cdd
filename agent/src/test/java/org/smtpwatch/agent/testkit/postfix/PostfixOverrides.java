package org.smtpwatch.agent.testkit.postfix;

import java.util.Map;

/**
 * Per-listener {@code master.cf} overrides the scenarios use, as mail administrators write them.
 */
public final class PostfixOverrides {

  private static final String UP_TO_TLS_1_2 = "!SSLv2, !SSLv3, !TLSv1, !TLSv1.1, !TLSv1.3";

  private PostfixOverrides() {}

  /** TLS 1.2 only, for opportunistic and mandatory TLS alike (TLS 1.3 disabled). */
  public static Map<String, String> tls12Only() {
    return Map.of(
        "smtpd_tls_protocols", UP_TO_TLS_1_2, "smtpd_tls_mandatory_protocols", UP_TO_TLS_1_2);
  }

  /**
   * AUTH offered on the plaintext channel: {@code smtpd_tls_auth_only=no}. Postfix hides AUTH
   * before STARTTLS whenever TLS is required ({@code encrypt}), whatever auth_only says, so the
   * listener also gets the optional level {@code may}: the misconfiguration as it really happens.
   */
  public static Map<String, String> authBeforeTls() {
    return Map.of("smtpd_tls_auth_only", "no", "smtpd_tls_security_level", "may");
  }
}
