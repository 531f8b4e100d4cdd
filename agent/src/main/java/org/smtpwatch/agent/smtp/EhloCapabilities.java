package org.smtpwatch.agent.smtp;

import java.util.List;
import java.util.OptionalLong;

/**
 * What an EHLO reply advertised.
 *
 * @param keywords upper-cased extension keywords in the order advertised ({@code PIPELINING},
 *     {@code SIZE}, {@code STARTTLS}, {@code AUTH}, ...), each once
 * @param sizeLimit the SIZE parameter, when given and numeric
 * @param authMechanisms upper-cased SASL mechanisms from {@code AUTH} (and the old {@code AUTH=})
 */
public record EhloCapabilities(
    List<String> keywords, OptionalLong sizeLimit, List<String> authMechanisms) {

  public EhloCapabilities {
    keywords = List.copyOf(keywords);
    authMechanisms = List.copyOf(authMechanisms);
  }

  public boolean offersStartTls() {
    return keywords.contains("STARTTLS");
  }

  public boolean offersAuth() {
    return !authMechanisms.isEmpty() || keywords.contains("AUTH");
  }
}
