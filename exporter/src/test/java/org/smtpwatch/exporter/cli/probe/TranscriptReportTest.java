package org.smtpwatch.exporter.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.Transcript;
import org.smtpwatch.agent.probe.Transcript.Direction;

class TranscriptReportTest {

  @Test
  void eachLineHasItsElapsedTimeAndWhoSaidIt() {
    Transcript transcript = Transcript.recording();
    transcript.add(1_250_000, Direction.NOTE, "connected to 127.0.0.1:25");
    transcript.add(12_000_000, Direction.SERVER, "220 mail.example.com ESMTP");
    transcript.add(12_100_000, Direction.CLIENT, "EHLO probe.example.org");
    transcript.add(1_234_567_000L, Direction.SERVER, "250 PIPELINING");

    assertThat(new TranscriptReport().render(transcript.lines()))
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "      1.3 ms  *  connected to 127.0.0.1:25",
                "     12.0 ms  S: 220 mail.example.com ESMTP",
                "     12.1 ms  C: EHLO probe.example.org",
                "   1234.6 ms  S: 250 PIPELINING",
                ""));
  }

  @Test
  void nothingRecordedIsNothingPrinted() {
    assertThat(new TranscriptReport().render(Transcript.discarding().lines())).isEmpty();
  }
}
