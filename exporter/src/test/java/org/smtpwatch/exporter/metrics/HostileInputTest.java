package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.exporter.metrics.ProbeSamples.NOW;
import static org.smtpwatch.exporter.metrics.ProbeSamples.endpoint;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;
import org.smtpwatch.exporter.metrics.TextFormatGrammar.Sample;

/**
 * A server controls its greeting; whatever it sends must come out as one label value that a scraper
 * reads back as sent (normalised), never as extra series or a broken exposition.
 */
class HostileInputTest {

  static final String HOSTILE_BANNER =
      "evil.example \"} 1\nsmtp_probe_success{host=\"victim\"} 1\n# TYPE x counter\n"
          + "back\\slash \\\" \u001b[2J\u0000 \"} evil{";

  private final StoreFixture fixture = new StoreFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  static Endpoint hostileEndpoint() {
    return endpoint(
        "evil.example", 25, Mode.PLAIN, Map.of("note", "quote \" backslash \\ newline \n end"));
  }

  static ProbeResult hostileResult() {
    return ProbeSamples.greeting(hostileEndpoint(), NOW, 554, HOSTILE_BANNER);
  }

  @Test
  void aHostileBannerIsOneLabelValueInTheTextFormat() {
    fixture.record(hostileResult());

    List<Sample> samples = TextFormatGrammar.parse(fixture.text());

    List<Sample> banners =
        samples.stream().filter(s -> s.name().equals("smtp_banner_info")).toList();
    assertThat(banners).hasSize(1);
    assertThat(banners.get(0).labels().get("banner"))
        .isEqualTo(new BannerNormalizer().normalize(HOSTILE_BANNER))
        .doesNotContain("\n", "\u001b", "\u0000");
    assertThat(banners.get(0).labels().get("note"))
        .isEqualTo("quote \" backslash \\ newline \n end");
    assertThat(samples)
        .noneSatisfy(s -> assertThat(s.labels()).containsEntry("host", "victim"))
        .noneSatisfy(s -> assertThat(s.name()).isIn("x", "evil"));
  }

  @Test
  void aHostileBannerCannotStartALineInOpenMetrics() {
    fixture.record(hostileResult());

    String openMetrics = fixture.openMetrics();

    assertThat(openMetrics.lines())
        .filteredOn(line -> line.startsWith("smtp_banner_info"))
        .hasSize(1);
    assertThat(openMetrics.lines())
        .noneSatisfy(line -> assertThat(line).startsWith("smtp_probe_success{host=\"victim\""))
        .noneSatisfy(line -> assertThat(line).startsWith("# TYPE x "));
    assertThat(openMetrics).endsWith("# EOF\n");
  }
}
