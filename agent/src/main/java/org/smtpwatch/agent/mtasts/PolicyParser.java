package org.smtpwatch.agent.mtasts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a policy file strictly (RFC 8461 section 3.2): {@code key: value} lines ending in CRLF or
 * LF, {@code version: STSv1}, a known {@code mode}, {@code max_age} in 0..31557600, and at least
 * one valid {@code mx} pattern unless the mode is {@code none}. Unknown keys are ignored as the RFC
 * says; a repeated key other than {@code mx} is an error rather than a guess.
 */
final class PolicyParser {

  /** One year, the RFC's upper bound for max_age. */
  private static final long MAX_AGE_LIMIT = 31_557_600;

  private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_]+):[ \\t]*(.*?)[ \\t]*");
  private static final Pattern MX_PATTERN =
      Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{1,63}");

  MtaStsPolicy parse(String text) throws PolicyFormatException {
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> mx = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty() && i == lines.length - 1) {
        break;
      }
      Matcher field = LINE.matcher(line);
      if (!field.matches()) {
        throw new PolicyFormatException(
            "line " + (i + 1) + " is not \"key: value\": \"" + printable(line) + "\"");
      }
      String key = field.group(1);
      String value = field.group(2);
      if (key.equals("mx")) {
        mx.add(mxPattern(value, i + 1));
      } else if (fields.putIfAbsent(key, value) != null
          && List.of("version", "mode", "max_age").contains(key)) {
        throw new PolicyFormatException(key + " is given more than once");
      }
    }
    String version = required(fields, "version");
    if (!version.equals("STSv1")) {
      throw new PolicyFormatException("version is \"" + printable(version) + "\", not STSv1");
    }
    MtaStsMode mode = mode(required(fields, "mode"));
    long maxAge = maxAge(required(fields, "max_age"));
    if (mx.isEmpty() && mode != MtaStsMode.NONE) {
      throw new PolicyFormatException("no mx: lines; mode " + mode.policyName() + " needs one");
    }
    return new MtaStsPolicy(mode, mx, maxAge);
  }

  private static String required(Map<String, String> fields, String key)
      throws PolicyFormatException {
    String value = fields.get(key);
    if (value == null) {
      throw new PolicyFormatException("missing " + key + ":");
    }
    return value;
  }

  private static MtaStsMode mode(String value) throws PolicyFormatException {
    for (MtaStsMode mode : MtaStsMode.values()) {
      if (mode.policyName().equals(value)) {
        return mode;
      }
    }
    throw new PolicyFormatException(
        "mode is \"" + printable(value) + "\", not enforce, testing or none");
  }

  private static long maxAge(String value) throws PolicyFormatException {
    if (!value.matches("[0-9]{1,10}") || Long.parseLong(value) > MAX_AGE_LIMIT) {
      throw new PolicyFormatException(
          "max_age is \"" + printable(value) + "\", not a number of seconds up to 31557600");
    }
    return Long.parseLong(value);
  }

  private static String mxPattern(String value, int line) throws PolicyFormatException {
    String pattern = value.toLowerCase(Locale.ROOT);
    if (pattern.endsWith(".")) {
      pattern = pattern.substring(0, pattern.length() - 1);
    }
    if (!MX_PATTERN.matcher(pattern).matches()) {
      throw new PolicyFormatException(
          "line " + line + ": \"" + printable(value) + "\" is not an mx pattern");
    }
    return pattern;
  }

  /** At most 80 characters, control characters shown as '?': server text goes into logs. */
  static String printable(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    return cut.replaceAll("[\\p{Cntrl}]", "?");
  }
}
