package org.smtpwatch.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.config.Mode;

/** The page's order and escaping, read as text; {@link StatusPageBrowserTest} renders it. */
class StatusPageTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void worstFirstDownThenPendingThenSoonestExpiry() {
    List<EndpointSnapshot> snapshots =
        List.of(
            SampleSnapshots.up(
                SampleSnapshots.endpoint("a.example.com", 465, Mode.TLS), NOW, 80, "a"),
            SampleSnapshots.up(
                SampleSnapshots.endpoint("b.example.com", 587, Mode.STARTTLS), NOW, 5, "b"),
            SampleSnapshots.unprobed(SampleSnapshots.endpoint("c.example.com", 25, Mode.STARTTLS)),
            SampleSnapshots.down(
                SampleSnapshots.endpoint("d.example.com", 2525, Mode.STARTTLS),
                NOW,
                FailureReason.CONNECT_REFUSED,
                "refused"));

    String page = render(snapshots);

    assertThat(page.indexOf("d.example.com:2525"))
        .isLessThan(page.indexOf("c.example.com:25<"))
        .isLessThan(page.indexOf("b.example.com:587"));
    assertThat(page.indexOf("b.example.com:587")).isLessThan(page.indexOf("a.example.com:465"));
    assertThat(page)
        .contains("5 d left", "80 d left", "connect_refused", "not probed yet", "1 down", "2 up");
  }

  @Test
  void whatServersSendIsEscaped() {
    String hostile = "<script>alert('x')</script> & \"quoted\"\u0007";
    String page =
        render(
            List.of(
                SampleSnapshots.up(
                    SampleSnapshots.endpoint("a.example.com", 25, Mode.STARTTLS), NOW, 30, hostile),
                SampleSnapshots.down(
                    SampleSnapshots.endpoint("b.example.com", 25, Mode.PLAIN),
                    NOW,
                    FailureReason.PROTOCOL,
                    hostile)));

    assertThat(page)
        .doesNotContain("<script>", "alert('x')")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;\uFFFD");
  }

  @Test
  void anExpiredCertificateSaysSo() {
    String page =
        render(
            List.of(
                SampleSnapshots.up(
                    SampleSnapshots.endpoint("a.example.com", 465, Mode.TLS), NOW, -3, "a")));

    assertThat(page).contains("cert expired", "expired 2 d ago");
  }

  private static String render(List<EndpointSnapshot> snapshots) {
    return new StatusPage(() -> snapshots, new MutableClock(NOW), "test").render();
  }
}
