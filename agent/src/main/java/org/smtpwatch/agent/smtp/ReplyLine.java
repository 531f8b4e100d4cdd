package org.smtpwatch.agent.smtp;

import org.smtpwatch.agent.smtp.SmtpProtocolException.Kind;

/** One reply line split into code, text and whether it ends the reply. */
record ReplyLine(int code, String text, boolean last) {

  static ReplyLine parse(String line) throws SmtpProtocolException {
    if (line.length() < 3 || !isCode(line)) {
      throw malformed(line);
    }
    int code = Integer.parseInt(line.substring(0, 3));
    if (line.length() == 3) {
      // A bare "250" ends a reply; some servers send it after "250-" lines.
      return new ReplyLine(code, "", true);
    }
    char separator = line.charAt(3);
    if (separator != ' ' && separator != '-') {
      throw malformed(line);
    }
    return new ReplyLine(code, line.substring(4), separator == ' ');
  }

  private static boolean isCode(String line) {
    return line.charAt(0) >= '2'
        && line.charAt(0) <= '5'
        && isAsciiDigit(line.charAt(1))
        && isAsciiDigit(line.charAt(2));
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static SmtpProtocolException malformed(String line) {
    String shown = line.length() > 60 ? line.substring(0, 60) + "..." : line;
    return new SmtpProtocolException(
        Kind.MALFORMED_LINE, "not an SMTP reply line: " + quote(shown));
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      quoted.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return quoted.append('"').toString();
  }
}
