package org.smtpwatch.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * An endpoint's own rule for which part of its greeting becomes the {@code smtp_banner_info} label,
 * for servers whose greeting the built-in normalisation handles badly. The regular expression is
 * searched in the greeting text; its capturing groups (joined by a space) are kept, or the whole
 * match when it has no groups. A greeting it does not match falls back to the built-in
 * normalisation.
 *
 * <p>Equal when the expressions are equal ({@link Pattern} itself compares by identity), so a
 * reload with the same config does not see the endpoint as changed.
 */
public final class BannerPattern {

  private final Pattern pattern;

  private BannerPattern(Pattern pattern) {
    this.pattern = pattern;
  }

  /**
   * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid expression
   */
  public static BannerPattern compile(String regex) {
    return new BannerPattern(Pattern.compile(regex));
  }

  public String regex() {
    return pattern.pattern();
  }

  /** What to keep of {@code greeting}, or empty when the expression does not match it. */
  public Optional<String> keep(String greeting) {
    Matcher matcher = pattern.matcher(greeting);
    if (!matcher.find()) {
      return Optional.empty();
    }
    if (matcher.groupCount() == 0) {
      return Optional.of(matcher.group());
    }
    return Optional.of(
        IntStream.rangeClosed(1, matcher.groupCount())
            .mapToObj(matcher::group)
            .filter(Objects::nonNull)
            .collect(Collectors.joining(" ")));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BannerPattern that && regex().equals(that.regex());
  }

  @Override
  public int hashCode() {
    return regex().hashCode();
  }

  @Override
  public String toString() {
    return regex();
  }
}
