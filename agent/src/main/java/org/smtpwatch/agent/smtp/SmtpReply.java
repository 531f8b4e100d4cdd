package org.smtpwatch.agent.smtp;

import java.util.List;
import java.util.Objects;

/**
 * One complete SMTP reply: its code and the text of each line, without the code and the separator
 * ({@code 250-PIPELINING} becomes {@code PIPELINING}).
 */
public record SmtpReply(int code, List<String> lines) {

  public SmtpReply {
    Objects.requireNonNull(lines, "lines");
    lines = List.copyOf(lines);
  }

  /** The lines joined by a space: the banner of a greeting, the explanation of a rejection. */
  public String text() {
    return String.join(" ", lines).strip();
  }

  public boolean isPositiveCompletion() {
    return code >= 200 && code < 300;
  }

  /** The reply as it appeared on the wire, one element per line, without CRLF. */
  public List<String> wireLines() {
    String[] wire = new String[lines.size()];
    for (int i = 0; i < wire.length; i++) {
      String separator = i == wire.length - 1 ? " " : "-";
      wire[i] = code + separator + lines.get(i);
    }
    return List.of(wire);
  }

  /** {@code 554 no service here}: code and text, for failure details. */
  public String summary() {
    String text = text();
    return text.isEmpty() ? Integer.toString(code) : code + " " + text;
  }
}
