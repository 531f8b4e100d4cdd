package org.smtpwatch.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The shipped logback.xml, loaded into a context of its own so a test configuration elsewhere on
 * the classpath cannot stand in for it.
 */
class LoggingConfigurationTest {

  private static LoggerContext shippedConfiguration() throws Exception {
    URL config = Main.class.getResource("/logback.xml");
    assertThat(config).isNotNull();
    assertThat(config.getPath()).contains("/exporter/target/classes/");
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
    return context;
  }

  @Test
  void loadsWithoutErrorsAndLogsToStderr() throws Exception {
    LoggerContext context = shippedConfiguration();

    assertThat(context.getStatusManager().getCopyOfStatusList())
        .noneMatch(status -> status.getLevel() >= Status.WARN);
    var appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    assertThat(appender).isInstanceOf(ConsoleAppender.class);
    assertThat(((ConsoleAppender<?>) appender).getTarget()).isEqualTo("System.err");
  }

  @Test
  void everyEventIsOneLineEvenWithLineBreaksOrAStackTrace() throws Exception {
    LoggerContext context = shippedConfiguration();
    ch.qos.logback.classic.Logger logger = context.getLogger("org.smtpwatch.agent.Schedule");
    var appender =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    Exception cause = new IllegalStateException("inner\r\nreason");
    LoggingEvent event =
        new LoggingEvent(
            getClass().getName(),
            logger,
            Level.ERROR,
            "reply from {}:\n421 forged\r\n2026 INFO fake line",
            new RuntimeException("outer", cause),
            new Object[] {"mx.example.com"});

    String line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);

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
  void ourInfoIsKeptAndQuartzChatterIsNot() throws Exception {
    LoggerContext context = shippedConfiguration();

    assertThat(context.getLogger("org.smtpwatch.agent.Schedule").isInfoEnabled()).isTrue();
    assertThat(context.getLogger("org.quartz.core.QuartzScheduler").isInfoEnabled()).isFalse();
    assertThat(context.getLogger("org.quartz.core.QuartzScheduler").getEffectiveLevel())
        .isEqualTo(Level.WARN);
  }
}
