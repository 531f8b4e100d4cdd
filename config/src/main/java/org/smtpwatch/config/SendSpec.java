package org.smtpwatch.config;

import java.util.Objects;

/**
 * A test message sent after a successful login, so the probe proves that submission is accepted,
 * not only that the password is. Every probe sends one real message.
 *
 * @param from envelope sender and From: header; usually the login's own address
 * @param to the one recipient, ideally a mailbox that discards or files probe messages
 * @param subject the Subject: header
 */
public record SendSpec(String from, String to, String subject) {

  public static final String DEFAULT_SUBJECT = "smtpwatch probe";

  public SendSpec {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
  }
}
