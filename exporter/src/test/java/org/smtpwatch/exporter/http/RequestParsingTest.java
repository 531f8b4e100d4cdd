package org.smtpwatch.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpwatch.config.Mode;

/** The small parsers behind /probe and the listen address. */
class RequestParsingTest {

  private static final Duration FIFTEEN = Duration.ofSeconds(15);

  @Test
  void targetsAreNormalisedLikeConfiguredHosts() throws Exception {
    assertThat(query("target=MX.Example.COM.:587"))
        .isEqualTo(new ProbeQuery("mx.example.com", 587, null));
    assertThat(query("target=%5B2001:DB8::25%5D:25&mode=tls"))
        .isEqualTo(new ProbeQuery("2001:db8::25", 25, Mode.TLS));
    assertThat(new ProbeQuery("2001:db8::25", 25, null).target()).isEqualTo("[2001:db8::25]:25");
  }

  @Test
  void controlCharactersInAnEchoedValueAreReplaced() {
    assertThatThrownBy(() -> query("target=a%0d%0aX-Injected:%201:25"))
        .isInstanceOf(RequestRejected.class)
        .hasMessageNotContaining("\r")
        .hasMessageNotContaining("\n")
        .hasMessageContaining("a??X-Injected: 1:25");
  }

  @Test
  void scrapeTimeoutLeavesHalfASecondAndNeverExceedsTheEndpointTimeout() throws Exception {
    assertThat(ScrapeTimeout.deadline(Optional.empty(), FIFTEEN)).isEqualTo(FIFTEEN);
    assertThat(ScrapeTimeout.deadline(Optional.of("10"), FIFTEEN))
        .isEqualTo(Duration.ofMillis(9500));
    assertThat(ScrapeTimeout.deadline(Optional.of("1"), FIFTEEN)).isEqualTo(Duration.ofMillis(500));
    assertThat(ScrapeTimeout.deadline(Optional.of("0.4"), FIFTEEN))
        .isEqualTo(Duration.ofMillis(200));
    assertThat(ScrapeTimeout.deadline(Optional.of("0.01"), FIFTEEN))
        .isEqualTo(Duration.ofMillis(100));
    assertThat(ScrapeTimeout.deadline(Optional.of("120"), FIFTEEN)).isEqualTo(FIFTEEN);
    for (String bad : new String[] {"", "-1", "0", "NaN", "Infinity", "1s"}) {
      assertThatThrownBy(() -> ScrapeTimeout.deadline(Optional.of(bad), FIFTEEN))
          .as(bad)
          .isInstanceOf(RequestRejected.class);
    }
  }

  @Test
  void listenAddresses() {
    assertThat(ListenAddress.parse(":10785")).isEqualTo(new ListenAddress("", 10785));
    assertThat(ListenAddress.parse(":10785").urlHost()).isEqualTo("localhost");
    assertThat(ListenAddress.parse("127.0.0.1:0")).isEqualTo(new ListenAddress("127.0.0.1", 0));
    assertThat(ListenAddress.parse("[::1]:10785")).isEqualTo(new ListenAddress("::1", 10785));
    assertThat(ListenAddress.parse("[::1]:10785").toString()).isEqualTo("[::1]:10785");
    assertThatThrownBy(() -> ListenAddress.parse("localhost"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ProbeQuery query(String rawQuery) throws RequestRejected {
    return ProbeQuery.parse(QueryParameters.parse(rawQuery, ProbeQuery.PARAMETERS));
  }
}
