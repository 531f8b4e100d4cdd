package org.smtpwatch.exporter.metrics;

import java.util.Optional;
import java.util.regex.Pattern;
import org.smtpwatch.config.BannerPattern;

/**
 * Turns a greeting into the {@code banner} label of {@code smtp_banner_info}. Many servers put
 * per-connection tokens in their greeting (queue or session ids, the date, the front-end host that
 * took the connection); kept verbatim, every probe would start a new series. Those tokens become
 * placeholders ({@code <id>}, {@code <date>}, {@code <time>}, {@code <n>}) while product names,
 * versions and host names stay. Control and format characters (line breaks, terminal escapes, bidi
 * overrides) never reach a label, and the result is capped at {@link #MAX_LENGTH}.
 */
public final class BannerNormalizer {

  /** Long enough for "host ESMTP product version"; short enough to stay a label, not a document. */
  public static final int MAX_LENGTH = 120;

  private static final Pattern TERMINAL_ESCAPE = Pattern.compile("\u001b\\[[0-?]*[ -/]*[@-~]");
  private static final Pattern OS_COMMAND =
      Pattern.compile("\u001b\\][^\u0007\u001b]*(\u0007|\u001b\\\\)?");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * How much of a greeting is looked at: the server chooses the text and the config's pattern may
   * backtrack, so the work per scrape stays bounded whatever a multi-line greeting holds.
   */
  static final int MAX_INPUT = 1024;

  /**
   * RFC 5322 dates as Exim and Sendmail send them: {@code Sat, 28 Nov 2026 12:00:00 +0000 (UTC)}.
   */
  private static final Pattern MAIL_DATE =
      Pattern.compile(
          "(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\\s+)?\\d{1,2}\\s+"
              + "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\s+\\d{2,4}"
              + "(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?(?:\\s*[+-]\\d{4})?(?:\\s*\\([A-Za-z]{1,5}\\))?",
          Pattern.CASE_INSENSITIVE);

  /** ISO 8601 timestamps, as Microsoft's front ends send them. */
  private static final Pattern ISO_DATE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)?"
              + "(?:Z|[+-]\\d{2}:?\\d{2})?");

  private static final Pattern TIME =
      Pattern.compile("\\b\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\b");

  private final TokenClassifier tokens = new TokenClassifier();

  /**
   * The label value for {@code greeting}: {@code pattern}'s capture when it is given and matches,
   * the built-in normalisation otherwise.
   *
   * @param pattern the endpoint's {@code banner_pattern}, or {@code null}
   */
  public String normalize(String greeting, BannerPattern pattern) {
    String clean = withoutControlCharacters(bounded(greeting));
    Optional<String> kept = pattern == null ? Optional.empty() : pattern.keep(clean);
    return truncate(kept.map(this::collapseSpaces).orElseGet(() -> replaceTokens(clean)));
  }

  /** The built-in normalisation alone. */
  public String normalize(String greeting) {
    return normalize(greeting, null);
  }

  private static String bounded(String greeting) {
    if (greeting.length() <= MAX_INPUT) {
      return greeting;
    }
    int end = Character.isHighSurrogate(greeting.charAt(MAX_INPUT - 1)) ? MAX_INPUT - 1 : MAX_INPUT;
    return greeting.substring(0, end);
  }

  private String withoutControlCharacters(String text) {
    String noEscapes =
        OS_COMMAND.matcher(TERMINAL_ESCAPE.matcher(text).replaceAll("")).replaceAll("");
    StringBuilder out = new StringBuilder(noEscapes.length());
    noEscapes.codePoints().forEach(c -> out.appendCodePoint(isInvisible(c) ? ' ' : c));
    return collapseSpaces(out.toString());
  }

  private static boolean isInvisible(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }

  private String collapseSpaces(String text) {
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  private String replaceTokens(String text) {
    String dated =
        ISO_DATE.matcher(MAIL_DATE.matcher(text).replaceAll("<date>")).replaceAll("<date>");
    String timed = TIME.matcher(dated).replaceAll("<time>");
    StringBuilder out = new StringBuilder(timed.length());
    for (String word : timed.split(" ")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(tokens.normalizeWord(word));
    }
    return out.toString();
  }

  private static String truncate(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_LENGTH) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH)).strip();
  }
}
