package org.smtpwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smtpwatch.bench.process.ChildProcess;
import org.smtpwatch.bench.scrape.Scrape;

/** Starts {@code smtpwatch.jar run} as its own JVM, as the service would run it. */
final class AgentUnderTest {

  /** Logged by the agent when an endpoint's first probe has a result. */
  private static final String FIRST_PROBE = "(first probe)";

  private AgentUnderTest() {}

  /**
   * @param maxHeap replaces the unit's -Xmx, or null to keep it
   */
  static ChildProcess start(BenchSettings settings, Path config, Path dir, String maxHeap)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(BenchSettings.java());
    for (String option : settings.javaOptions()) {
      command.add(maxHeap != null && option.startsWith("-Xmx") ? "-Xmx" + maxHeap : option);
    }
    if (settings.jfr()) {
      command.add(
          "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
              + dir.resolve("smtpwatch.jfr"));
    }
    command.addAll(List.of("-jar", settings.agentJar().toString(), "run", "--config"));
    command.add(config.toString());
    return ChildProcess.start("smtpwatch", command, dir.resolve("smtpwatch.log"), FIRST_PROBE);
  }

  /** Polls {@code uri} until it answers 200, for at most {@code timeout}. */
  static void awaitHttp(URI uri, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        Scrape.get(uri, Duration.ofSeconds(5));
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(uri + " did not answer within " + timeout, e);
        }
        Thread.sleep(50); // polling a child's listener: it says nothing when it is ready
      }
    }
  }
}
