package org.smtpwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostnamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mail.example.com",
        "localhost",
        "mx-1.example.com",
        "_dmarc.example.com",
        "xn--bcher-kva.example",
        "192.0.2.1",
        "::1",
        "2001:db8::25",
        "2001:db8:0:0:0:0:0:25",
        "::ffff:192.0.2.1",
        "fe80::"
      })
  void acceptsNamesAndAddresses(String host) {
    assertThat(Hostnames.isValidHost(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "mail..example.com",
        "-mail.example.com",
        "mail-.example.com",
        "mail example.com",
        "mail.example.com.",
        "10.0.0.256",
        "1.2.3",
        "2001:db8::g",
        "2001:db8:::1",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "http://mail.example.com"
      })
  void refusesTheRest(String host) {
    assertThat(Hostnames.isValidHost(host)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "Mail.Example.COM., mail.example.com",
    "[2001:DB8::1], 2001:db8::1",
    "a, a",
    "0:0:0:0:0:0:0:1, ::1",
    "[0000::0001], ::1",
    "2001:db8:0::1, 2001:db8::1",
    "2001:0DB8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "0:0:0:0:0:0:0:0, ::",
    "1:0:0:0:0:0:0:0, 1::",
    "::ffff:192.0.2.1, ::ffff:192.0.2.1"
  })
  void normalizes(String host, String normalized) {
    assertThat(Hostnames.normalize(host)).isEqualTo(normalized);
  }

  @ParameterizedTest
  @CsvSource({
    "probe.example.org, true",
    "[192.0.2.1], true",
    "[IPv6:2001:db8::1], true",
    "[2001:db8::1], false",
    "192.0.2.1, false",
    "probe_1.example.org, true"
  })
  void ehloNamesAreDomainsOrAddressLiterals(String name, boolean valid) {
    assertThat(Hostnames.isEhloName(name)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"intervall, interval", "time_out, timeout", "ehlo-name, ehlo_name", "Port, port"})
  void typosGetTheKeyTheyMeant(String typo, String meant) {
    assertThat(ClosestMatch.of(typo, PortReader.KEYS)).contains(meant);
  }

  @ParameterizedTest
  @ValueSource(strings = {"colour", "x", "certificate"})
  void wordsFarFromAnyKeyGetNoSuggestion(String word) {
    assertThat(ClosestMatch.of(word, PortReader.KEYS)).isEmpty();
  }
}
