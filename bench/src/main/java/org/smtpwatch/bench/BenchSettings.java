package org.smtpwatch.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What a benchmark run uses and how long it measures.
 *
 * @param agentJar the shaded smtpwatch.jar under test
 * @param javaOptions the agent JVM's options (the systemd unit's JAVA_OPTS)
 * @param jfr record each agent JVM with Java Flight Recorder (profile settings) into its stage's
 *     directory, to see where its CPU goes
 * @param blackbox the blackbox_exporter binary
 * @param workDir configs, CA and logs of this run
 * @param intervals how many probe intervals each scenario measures (after one to warm up)
 * @param compareSeconds how long each exporter is driven per mode in the side-by-side stage
 * @param compareRate /probe requests per second in the side-by-side stage
 * @param warmUpSeconds how long each exporter is driven at least, at four times that rate, per mode
 *     before it is measured; then on until its JIT compiler is quiet (see {@code WarmUp})
 * @param warmUpMaxSeconds how long that goes on at most
 */
record BenchSettings(
    Path agentJar,
    List<String> javaOptions,
    boolean jfr,
    Path blackbox,
    Path workDir,
    int intervals,
    int compareSeconds,
    int compareRate,
    int warmUpSeconds,
    int warmUpMaxSeconds) {

  /** The java launcher running this benchmark: the agent gets the same runtime. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
