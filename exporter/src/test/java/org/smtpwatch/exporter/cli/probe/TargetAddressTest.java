package org.smtpwatch.exporter.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetAddressTest {

  @Test
  void parsesNamesIpv4AndBracketedIpv6() throws Exception {
    assertThat(TargetAddress.parse("mail.example.com:587"))
        .isEqualTo(new TargetAddress("mail.example.com", 587));
    assertThat(TargetAddress.parse("127.0.0.1:25")).isEqualTo(new TargetAddress("127.0.0.1", 25));
    assertThat(TargetAddress.parse("[::1]:465")).isEqualTo(new TargetAddress("::1", 465));
    assertThat(TargetAddress.parse("[2001:db8::25]:65535"))
        .isEqualTo(new TargetAddress("2001:db8::25", 65535));
  }

  @Test
  void namesEveryMistake() {
    assertMessage(
        "mail.example.com", "\"mail.example.com\" has no port; write mail.example.com:587");
    assertMessage(
        "::1:25", "\"::1:25\" looks like an IPv6 address; put it in brackets: [ADDRESS]:PORT");
    assertMessage("[::1:25", "\"[::1:25\" has no closing bracket; write [::1]:25");
    assertMessage("[::1]", "\"[::1]\" has no port; write [::1]:PORT");
    assertMessage("[::1]25", "\"[::1]25\" has no port; write [::1]:PORT");
    assertMessage(":25", "\":25\" has no host");
    assertMessage("[]:25", "\"[]:25\" has no host");
    assertMessage(
        "mail example.com:25", "\"mail example.com:25\": the host must not contain spaces");
    assertMessage("host:smtp", "\"host:smtp\": port \"smtp\" is not a number");
    assertMessage("host:", "\"host:\": port \"\" is not a number");
    assertMessage("host:0", "\"host:0\": port 0 is not in 1-65535");
    assertMessage("host:65536", "\"host:65536\": port 65536 is not in 1-65535");
    assertMessage("host:123456", "\"host:123456\": port \"123456\" is not a number");
  }

  private static void assertMessage(String text, String message) {
    assertThatThrownBy(() -> TargetAddress.parse(text))
        .as(text)
        .isInstanceOf(UsageException.class)
        .hasMessage(message);
  }
}
