package org.smtpwatch.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.smtpwatch.bench.process.CpuReading;
import org.smtpwatch.bench.scrape.ProbeDriver;

/**
 * Drives an exporter until its JIT compiler is quiet, so that what is measured next is its steady
 * state: the cost of a probe on an agent that has been running for a while, which is what a
 * monitoring agent is for weeks. A JVM compiles a method that runs once per probe with its
 * optimising compiler only after some thousands of runs (C2's thresholds), so a warm-up of fixed
 * length either wastes time or leaves the measured window paying for compilation. A Go binary has
 * no compiler threads and is quiet after the minimum.
 *
 * <p>After at least {@code minimum}, it drives in slices of {@link #SLICE} and stops after {@link
 * #QUIET_SLICES} slices in a row in which the compiler threads used at most {@link #QUIET_SHARE} of
 * the process's CPU, or at {@code maximum}. What the warm-up took, the compiler's CPU included, is
 * printed beside the measurement: it is a real cost, paid once per agent start.
 */
final class WarmUp {

  static final Duration SLICE = Duration.ofSeconds(10);

  /** The compiler's share of a slice's CPU under which the JVM counts as warm. */
  static final double QUIET_SHARE = 0.05;

  /** One quiet slice can be a lull between two compilations. */
  static final int QUIET_SLICES = 2;

  /**
   * What a warm-up took.
   *
   * @param seconds how long it drove requests
   * @param requests how many it sent
   * @param cpuSeconds the exporter's CPU meanwhile
   * @param compilerSeconds the JIT compiler threads' part of it
   * @param quiet whether the compiler was quiet at the end ({@code false}: it stopped at the cap)
   */
  record Figures(
      long seconds, long requests, double cpuSeconds, double compilerSeconds, boolean quiet) {

    String describe() {
      return String.format(
          Locale.ROOT,
          "%d s, %,d requests, CPU %.1f s of which JIT compiler %.1f s%s",
          seconds,
          requests,
          cpuSeconds,
          compilerSeconds,
          quiet ? "" : ", JIT compiler still busy at the cap");
    }
  }

  private WarmUp() {}

  static Figures untilQuiet(
      long pid, List<URI> uris, int perSecond, Duration minimum, Duration maximum)
      throws InterruptedException {
    CpuReading previous = CpuReading.of(pid);
    long requests = ProbeDriver.drive(uris, perSecond, minimum).size();
    Duration driven = minimum;
    CpuReading now = CpuReading.of(pid);
    // Summed slice by slice: a compiler thread the JVM retires takes its CPU with it.
    double cpu = now.secondsSince(previous);
    double compiler = now.compilerSecondsSince(previous);
    int quietSlices = 0;
    while (quietSlices < QUIET_SLICES && driven.compareTo(maximum) < 0) {
      previous = now;
      requests += ProbeDriver.drive(uris, perSecond, SLICE).size();
      driven = driven.plus(SLICE);
      now = CpuReading.of(pid);
      double sliceCpu = now.secondsSince(previous);
      double sliceCompiler = now.compilerSecondsSince(previous);
      cpu += sliceCpu;
      compiler += sliceCompiler;
      quietSlices = sliceCompiler <= QUIET_SHARE * sliceCpu ? quietSlices + 1 : 0;
    }
    return new Figures(driven.toSeconds(), requests, cpu, compiler, quietSlices == QUIET_SLICES);
  }
}
