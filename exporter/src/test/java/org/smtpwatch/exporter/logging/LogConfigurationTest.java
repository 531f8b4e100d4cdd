package org.smtpwatch.exporter.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.slf4j.Logger;

/**
 * smtpwatch's logging, applied to a context of its own so whatever configured the test JVM's
 * logging cannot stand in for it.
 */
class LogConfigurationTest {

  private static LoggerContext configured() {
    LoggerContext context = new LoggerContext();
    LogConfiguration configuration = new LogConfiguration();
    configuration.setContext(context);
    assertThat(configuration.configure(context))
        .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    return context;
  }

  private static ConsoleAppender<ILoggingEvent> stderr(LoggerContext context) {
    return (ConsoleAppender<ILoggingEvent>)
        context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogConfiguration.APPENDER_NAME);
  }

  @Test
  void logbackFindsItThroughTheServiceLoader() {
    assertThat(ServiceLoader.load(Configurator.class).stream())
        .anyMatch(provider -> provider.type() == LogConfiguration.class);
  }

  @Test
  void setsUpWithoutErrorsAndLogsToStderr() {
    LoggerContext context = configured();

    assertThat(context.getStatusManager().getCopyOfStatusList())
        .noneMatch(status -> status.getLevel() >= Status.WARN);
    assertThat(stderr(context).isStarted()).isTrue();
    assertThat(stderr(context).getTarget()).isEqualTo("System.err");
  }

  @Test
  void everyEventIsOneLineEvenWithLineBreaksOrAStackTrace() {
    LoggerContext context = configured();
    ch.qos.logback.classic.Logger logger = context.getLogger("org.smtpwatch.agent.Schedule");
    Exception cause = new IllegalStateException("inner\r\nreason");
    LoggingEvent event =
        new LoggingEvent(
            getClass().getName(),
            logger,
            Level.ERROR,
            "reply from {}:\n421 forged\r\n2026 INFO fake line",
            new RuntimeException("outer", cause),
            new Object[] {"mx.example.com"});

    String line = new String(stderr(context).getEncoder().encode(event), StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n");
    assertThat(line.strip()).doesNotContain("\n", "\r");
    assertThat(line)
        .contains(
            "ERROR Schedule - reply from mx.example.com: 421 forged 2026 INFO fake line |"
                + " java.lang.RuntimeException: outer | at ")
        .contains("Caused by: java.lang.IllegalStateException: inner | reason");
    assertThat(line).doesNotContain("\u001b[");
  }

  @Test
  void aLineIsTheLocalTimeTheLevelTheLoggerAndTheMessage() {
    LoggerContext context = configured();
    LoggingEvent event = agentEvent(context, Level.INFO, "{} endpoints", new Object[] {3});
    Instant at = Instant.parse("2026-12-07T16:59:00.042Z");
    event.setTimeStamp(at.toEpochMilli());

    String line = encoded(context, event);

    String local =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS")
            .format(at.atZone(ZoneId.systemDefault()));
    assertThat(line).isEqualTo(local + " INFO  Agent - 3 endpoints\n");
  }

  @Test
  void aNullMessageIsLoggedAsNull() {
    LoggerContext context = configured();

    String line = encoded(context, agentEvent(context, Level.WARN, null, null));

    assertThat(line).endsWith(" WARN  Agent - null\n");
  }

  private LoggingEvent agentEvent(
      LoggerContext context, Level level, String message, Object[] arguments) {
    return new LoggingEvent(
        getClass().getName(),
        context.getLogger("org.smtpwatch.agent.schedule.Agent"),
        level,
        message,
        null,
        arguments);
  }

  private static String encoded(LoggerContext context, LoggingEvent event) {
    return new String(stderr(context).getEncoder().encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void ourInfoIsKeptAndQuartzChatterIsNot() {
    LoggerContext context = configured();

    assertThat(context.getLogger("org.smtpwatch.agent.Schedule").isInfoEnabled()).isTrue();
    assertThat(context.getLogger("org.quartz.core.QuartzScheduler").isInfoEnabled()).isFalse();
    assertThat(context.getLogger("org.quartz.core.QuartzScheduler").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.subethamail.smtp.server.SMTPServer").isInfoEnabled())
        .isFalse();
  }

  @Test
  @ResourceLock(Resources.SYSTEM_PROPERTIES)
  void aConfigurationFileGivenOnTheCommandLineReplacesIt() {
    String before = System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
    System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, "/etc/smtpwatch/logback.xml");
    try {
      LoggerContext context = new LoggerContext();
      LogConfiguration configuration = new LogConfiguration();
      configuration.setContext(context);

      assertThat(configuration.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders()).isExhausted();
    } finally {
      if (before == null) {
        System.clearProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
      } else {
        System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, before);
      }
    }
  }
}
