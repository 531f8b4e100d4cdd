package org.smtpwatch.exporter.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format (0.0.4), line by line: what Prometheus's own parser
 * would reject, this rejects too (bad names, unescaped quotes or line breaks in label values,
 * samples without a TYPE, a series given twice). Its label parser also reads values back, so tests
 * can check that what went in is what a scraper reads.
 */
final class TextFormatGrammar {

  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final String LABEL_VALUE = "\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*+)\"";
  private static final Pattern HELP =
      Pattern.compile("# HELP (" + NAME + ") (?:[^\\n\\\\]|\\\\[\\\\n])*");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE =
      Pattern.compile(
          "("
              + NAME
              + ")(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*="
              + LABEL_VALUE
              + ",?)*+\\})? (NaN|[+-]Inf|[+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=" + LABEL_VALUE + ",?");

  /** One sample as a scraper reads it. */
  record Sample(String name, Map<String, String> labels, String value) {}

  private TextFormatGrammar() {}

  /**
   * Every sample in {@code exposition}.
   *
   * @throws AssertionError naming the first line that is not valid
   */
  static List<Sample> parse(String exposition) {
    if (!exposition.isEmpty() && !exposition.endsWith("\n")) {
      throw new AssertionError("the exposition must end with a line break");
    }
    Map<String, String> types = new LinkedHashMap<>();
    Set<String> series = new HashSet<>();
    List<Sample> samples = new ArrayList<>();
    int number = 0;
    for (String line : exposition.split("\n", -1)) {
      number++;
      if (line.isEmpty() && number > 1) {
        continue;
      }
      Matcher type = TYPE.matcher(line);
      if (type.matches()) {
        if (types.put(type.group(1), type.group(2)) != null) {
          throw new AssertionError("line " + number + ": second TYPE for " + type.group(1));
        }
        continue;
      }
      if (HELP.matcher(line).matches()) {
        continue;
      }
      Sample sample = sample(line, number);
      if (!declared(sample.name(), types)) {
        throw new AssertionError("line " + number + ": no TYPE before " + line);
      }
      if (!series.add(sample.name() + sample.labels())) {
        throw new AssertionError("line " + number + ": series given twice: " + line);
      }
      samples.add(sample);
    }
    return samples;
  }

  private static Sample sample(String line, int number) {
    Matcher matcher = SAMPLE.matcher(line);
    if (!matcher.matches()) {
      throw new AssertionError("line " + number + " is not valid: " + line);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (matcher.group(2) != null) {
      String body = matcher.group(2).substring(1, matcher.group(2).length() - 1);
      Matcher label = LABEL.matcher(body);
      while (label.find()) {
        if (labels.put(label.group(1), unescape(label.group(2))) != null) {
          throw new AssertionError("line " + number + ": label given twice: " + line);
        }
      }
    }
    return new Sample(matcher.group(1), labels, matcher.group(matcher.groupCount()));
  }

  private static boolean declared(String name, Map<String, String> types) {
    if (types.containsKey(name)) {
      return true;
    }
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        if ("histogram".equals(types.get(base)) || "summary".equals(types.get(base))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        char next = value.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
