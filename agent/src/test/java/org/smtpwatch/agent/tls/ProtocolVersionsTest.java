package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolVersionsTest {

  private static final String[] JDK_DEFAULT = {"TLSv1.3", "TLSv1.2"};

  @Test
  void withoutMinimumEverythingEnabledStays() {
    assertThat(ProtocolVersions.atLeast(JDK_DEFAULT, null)).containsExactly("TLSv1.3", "TLSv1.2");
  }

  @Test
  void minimumDropsOlderVersions() {
    assertThat(ProtocolVersions.atLeast(JDK_DEFAULT, "TLSv1.3")).containsExactly("TLSv1.3");
    assertThat(ProtocolVersions.atLeast(JDK_DEFAULT, "TLSv1.2"))
        .containsExactly("TLSv1.3", "TLSv1.2");
  }

  @Test
  void lowMinimumNeverEnablesWhatTheJdkDisabled() {
    assertThat(ProtocolVersions.atLeast(JDK_DEFAULT, "TLSv1"))
        .containsExactly("TLSv1.3", "TLSv1.2");
  }

  @Test
  void unrankedPseudoProtocolsAreDroppedUnderAMinimum() {
    assertThat(ProtocolVersions.atLeast(new String[] {"SSLv2Hello", "TLSv1.2"}, "TLSv1.2"))
        .containsExactly("TLSv1.2");
  }
}
