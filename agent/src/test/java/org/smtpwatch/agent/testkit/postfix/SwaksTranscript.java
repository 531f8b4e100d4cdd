package org.smtpwatch.agent.testkit.postfix;

import java.util.ArrayList;
import java.util.List;

/**
 * What swaks printed. Its prefixes say who spoke and how: {@code <-} the server in plaintext,
 * {@code <~} the server over TLS, {@code ->}/{@code ~>} the client.
 *
 * @param exitCode 0 when the whole dialogue succeeded (swaks exits non-zero on any rejection)
 */
public record SwaksTranscript(int exitCode, List<String> lines) {

  public SwaksTranscript {
    lines = List.copyOf(lines);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** The first line of the greeting, without its code: {@code mail.example ESMTP Postfix}. */
  public String banner() {
    return lines.stream()
        .map(String::strip)
        .filter(line -> line.startsWith("<-  220") || line.startsWith("<~  220"))
        .map(line -> line.substring(8))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no greeting in swaks' transcript:\n" + this));
  }

  /** The EHLO keywords offered on the plaintext channel (empty when there was none). */
  public List<String> plaintextEhloKeywords() {
    return ehloKeywords("<-  250");
  }

  /** The EHLO keywords offered over TLS (after STARTTLS, or with implicit TLS). */
  public List<String> tlsEhloKeywords() {
    return ehloKeywords("<~  250");
  }

  /** The server's reply to AUTH, such as {@code 235 2.7.0 Authentication successful}. */
  public String authReply() {
    boolean afterAuth = false;
    for (String line : lines) {
      String text = line.strip();
      if (text.startsWith("~> AUTH") || text.startsWith("-> AUTH")) {
        afterAuth = true;
      } else if (afterAuth
          && (text.startsWith("<~") || text.startsWith("<-") || text.startsWith("<**"))) {
        String reply = text.substring(text.indexOf(' ')).strip();
        if (!reply.startsWith("334")) {
          return reply;
        }
      }
    }
    throw new AssertionError("no reply to AUTH in swaks' transcript:\n" + this);
  }

  // An EHLO reply's first line is the server's name; the keyword is each later line's first word.
  private List<String> ehloKeywords(String prefix) {
    List<String> keywords = new ArrayList<>();
    boolean first = true;
    for (String line : lines) {
      String text = line.strip();
      if (!text.startsWith(prefix)) {
        first = true;
        continue;
      }
      if (!first) {
        keywords.add(text.substring(prefix.length() + 1).split(" ")[0]);
      }
      first = false;
    }
    return keywords;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n" + String.join("\n", lines);
  }
}
