package org.smtpwatch.agent.smtp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a 250 reply to EHLO into {@link EhloCapabilities}. The first line is the server's name and
 * greeting, not a capability (RFC 5321 4.1.1.1); every further line is a keyword with optional
 * parameters. Keywords and mechanisms are upper-cased because RFC 5321 makes them case-insensitive
 * and dashboards should not show {@code size} and {@code SIZE} as two things.
 */
public final class EhloParser {

  /**
   * RFC 5321 4.1.1.1 ehlo-keyword (plus the underscore of Exim's PIPE_CONNECT), at most 64
   * characters: real keywords are short, and whatever a server writes here becomes a label value.
   */
  private static final Pattern KEYWORD = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,63}");

  /**
   * RFC 4422 3.1 SASL mechanism names: 1 to 20 upper-case letters, digits, hyphens, underscores.
   */
  private static final Pattern MECHANISM = Pattern.compile("[A-Z0-9_-]{1,20}");

  private EhloParser() {}

  public static EhloCapabilities parse(SmtpReply reply) {
    Set<String> keywords = new LinkedHashSet<>();
    Set<String> mechanisms = new LinkedHashSet<>();
    OptionalLong size = OptionalLong.empty();
    List<String> lines = reply.lines();
    for (int i = 1; i < lines.size(); i++) {
      List<String> words = words(lines.get(i));
      if (words.isEmpty()) {
        continue;
      }
      String keyword = words.get(0).toUpperCase(Locale.ROOT);
      List<String> params = words.subList(1, words.size());
      if (keyword.startsWith("AUTH=")) {
        // Pre-RFC 2554 servers (old Exchange, Outlook clients' quirk) write "AUTH=LOGIN PLAIN".
        params = prepend(keyword.substring("AUTH=".length()), params);
        keyword = "AUTH";
      }
      if (!KEYWORD.matcher(keyword).matches()) {
        continue; // Not an extension a client could use; kept out of labels and decisions.
      }
      keywords.add(keyword);
      if (keyword.equals("AUTH")) {
        params.stream()
            .map(p -> p.toUpperCase(Locale.ROOT))
            .filter(p -> MECHANISM.matcher(p).matches())
            .forEach(mechanisms::add);
      } else if (keyword.equals("SIZE") && size.isEmpty()) {
        size = sizeLimit(params);
      }
    }
    return new EhloCapabilities(List.copyOf(keywords), size, List.copyOf(mechanisms));
  }

  private static OptionalLong sizeLimit(List<String> params) {
    if (params.isEmpty() || !params.get(0).matches("[0-9]{1,18}")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(params.get(0)));
  }

  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    for (String word : line.strip().split("[ \t]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    if (!first.isEmpty()) {
      all.add(first);
    }
    all.addAll(rest);
    return all;
  }
}
