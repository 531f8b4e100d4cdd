package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CertificateLabelTextTest {

  @Test
  void shortTextStaysAsItIs() {
    assertThat(CertificateLabelText.bounded("CN=mx.example.org")).isEqualTo("CN=mx.example.org");
    assertThat(CertificateLabelText.bounded(null)).isNull();
  }

  @Test
  void longTextIsCutWithAnEllipsis() {
    String cut = CertificateLabelText.bounded("CN=" + "x".repeat(5000));

    assertThat(cut).hasSize(CertificateLabelText.MAX_LENGTH).endsWith("x\u2026");
  }

  @Test
  void namesAreJoinedWhileTheyFitThenCounted() {
    List<String> names = IntStream.range(0, 2000).mapToObj(i -> "n" + i + ".test").toList();

    String label = CertificateLabelText.names(names);

    assertThat(label).startsWith("n0.test,n1.test,").endsWith(" more");
    assertThat(label.length()).isLessThanOrEqualTo(CertificateLabelText.MAX_LENGTH + 12);
    int shown = label.split(",").length - 1;
    assertThat(label).endsWith(",+" + (2000 - shown) + " more");
    assertThat(CertificateLabelText.names(List.of("a.test", "b.test"))).isEqualTo("a.test,b.test");
    assertThat(CertificateLabelText.names(List.of())).isEmpty();
  }
}
