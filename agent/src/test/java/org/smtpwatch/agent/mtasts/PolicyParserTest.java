package org.smtpwatch.agent.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict parsing of policy files and TXT records (RFC 8461 sections 3.1 and 3.2). */
class PolicyParserTest {

  private final PolicyParser parser = new PolicyParser();

  @Test
  void parsesLfAndCrlfLinesAndIgnoresUnknownKeys() throws Exception {
    MtaStsPolicy policy =
        parser.parse(
            "version: STSv1\nmode: testing\r\nmx: MX1.Example.ORG.\nfuture_key: x\nmax_age: 604800");

    assertThat(policy)
        .isEqualTo(new MtaStsPolicy(MtaStsMode.TESTING, List.of("mx1.example.org"), 604800));
  }

  @Test
  void modeNoneNeedsNoMx() throws Exception {
    assertThat(parser.parse("version: STSv1\nmode: none\nmax_age: 0\n").mx()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "version: STSv2\\nmode: enforce\\nmx: a.example\\nmax_age: 1|version is \"STSv2\", not STSv1",
        "mode: enforce\\nmx: a.example\\nmax_age: 1|missing version:",
        "version: STSv1\\nmode: enforce\\nmax_age: 1|no mx: lines; mode enforce needs one",
        "version: STSv1\\nmode: enforce\\nmx: a.example\\nmax_age: 31557601|max_age is \"31557601\", not a number of seconds up to 31557600",
        "version: STSv1\\nmode: enforce\\nmx: a.example\\nmax_age: -1|max_age is \"-1\", not a number of seconds up to 31557600",
        "version: STSv1\\nmode: enforce\\nmx: *.*.example\\nmax_age: 1|line 3: \"*.*.example\" is not an mx pattern",
        "<html>\\n|line 1 is not \"key: value\": \"<html>\"",
        "version: STSv1\\nmode: enforce\\nmode: none\\nmx: a.example\\nmax_age: 1|mode is given more than once",
      })
  void refusesWhatTheRfcDoesNotAllow(String text, String message) {
    assertThatThrownBy(() -> parser.parse(text.replace("\\n", "\n")))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessage(message);
  }

  @Test
  void aWildcardMatchesExactlyOneLabel() {
    MtaStsPolicy policy =
        new MtaStsPolicy(MtaStsMode.ENFORCE, List.of("mail.example.org", "*.mx.example.org"), 1);

    assertThat(policy.matches("MAIL.example.org")).isTrue();
    assertThat(policy.matches("a.mx.example.org")).isTrue();
    assertThat(policy.matches("mx.example.org")).isFalse();
    assertThat(policy.matches("a.b.mx.example.org")).isFalse();
    assertThat(policy.matches("other.example.org")).isFalse();
  }

  @Test
  void txtRecordIdIsRead() throws Exception {
    TxtRecordParser txt = new TxtRecordParser();

    assertThat(txt.id(List.of("v=spf1 -all", "v=STSv1; id=20160831085700Z;")))
        .isEqualTo("20160831085700Z");
    assertThat(txt.id(List.of("v=STSv1;id=abc"))).isEqualTo("abc");
    assertThatThrownBy(() -> txt.id(List.of("v=STSv1; id=has-dash;")))
        .hasMessage("\"v=STSv1; id=has-dash;\" has no id of 1-32 letters and digits");
    assertThatThrownBy(() -> txt.id(List.of("v=STSv10; id=a;")))
        .hasMessage("\"v=STSv10; id=a;\" does not start with v=STSv1;");
  }
}
