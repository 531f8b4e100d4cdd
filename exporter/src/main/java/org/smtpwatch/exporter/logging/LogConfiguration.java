package org.smtpwatch.exporter.logging;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * smtpwatch's logging, set up in code rather than from a logback.xml: Logback's XML reader costs
 * about 0.3 s of a 2 s start on a small machine, for four settings. Found by Logback through {@code
 * META-INF/services}; {@code -Dlogback.configurationFile=FILE} still replaces all of it.
 *
 * <p>One line per event on stderr: stdout belongs to command output (the JSON of {@code probe} must
 * stay one parseable object). No colours: these lines end up in journald, files and tickets. Line
 * breaks inside a message (a server's reply) become spaces, so nothing a mail server sends can
 * forge a log line; a stack trace is folded into its event's line with " | " between frames, so
 * journald keeps it as one entry ({@link OneLineLayout}).
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

  static final String APPENDER_NAME = "STDERR";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the user's file, read by Logback's own reader
    }
    apply(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets up {@code context} as smtpwatch logs. */
  private static void apply(LoggerContext context) {
    OneLineLayout layout = new OneLineLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();

    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName(APPENDER_NAME);
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    // Quartz announces its thread pool, job store and version at INFO on every start.
    context.getLogger("org.quartz").setLevel(Level.WARN);
    // The demo's mail server: its start and stop lines say nothing the demo does not.
    context.getLogger("org.subethamail").setLevel(Level.WARN);
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stderr);
  }
}
