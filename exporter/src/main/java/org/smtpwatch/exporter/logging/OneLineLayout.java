package org.smtpwatch.exporter.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * One event, one line: {@code 2026-12-07 16:59:00,123 INFO Agent - message | trace | frames}, in
 * the system's time zone, the logger by its class's simple name. Line breaks in the message become
 * spaces; a stack trace is folded in after " | " with " | " between its lines.
 *
 * <p>Written out rather than a Logback pattern: a {@code PatternLayout} loads and registers every
 * one of Logback's fifty-odd converters when first used, about 50 ms of a start on a small machine,
 * for the five this line needs.
 */
final class OneLineLayout extends LayoutBase<ILoggingEvent> {

  /** Logback's {@code %d{ISO8601}}. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern(CoreConstants.ISO8601_PATTERN);

  private static final Pattern MESSAGE_BREAKS = Pattern.compile("[\\r\\n]+");
  private static final Pattern TRACE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

  private final ZoneId zone = ZoneId.systemDefault();

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(128);
    line.append(TIMESTAMP.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone)));
    line.append(' ').append(padded(event.getLevel().toString()));
    line.append(' ').append(simpleName(event.getLoggerName())).append(" - ");
    // A null message is logged as "null", as Logback's pattern did.
    String message = String.valueOf(event.getFormattedMessage());
    line.append(MESSAGE_BREAKS.matcher(message).replaceAll(" "));
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      String trace = ThrowableProxyUtil.asString(thrown).strip();
      line.append(" | ").append(TRACE_BREAKS.matcher(trace).replaceAll(" | "));
    }
    return line.append('\n').toString();
  }

  /** {@code %-5level}: the longest, ERROR, sets the width. */
  private static String padded(String level) {
    return level.length() >= 5 ? level : level + " ".repeat(5 - level.length());
  }

  /** {@code %logger{0}}. */
  private static String simpleName(String logger) {
    return logger.substring(logger.lastIndexOf('.') + 1);
  }
}
