package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriptRedactionTest {

  @Test
  void authInitialResponseIsRedactedButTheMechanismShown() {
    assertThat(TranscriptRedaction.command("AUTH PLAIN AG1vbml0b3IAc2VjcmV0"))
        .isEqualTo("AUTH PLAIN [redacted]");
    assertThat(TranscriptRedaction.command("auth login dXNlcg=="))
        .isEqualTo("auth login [redacted]");
  }

  @Test
  void otherCommandsAreShownAsSent() {
    assertThat(TranscriptRedaction.command("AUTH LOGIN")).isEqualTo("AUTH LOGIN");
    assertThat(TranscriptRedaction.command("EHLO probe.example.org"))
        .isEqualTo("EHLO probe.example.org");
    assertThat(TranscriptRedaction.saslResponse()).isEqualTo("[redacted]");
  }
}
