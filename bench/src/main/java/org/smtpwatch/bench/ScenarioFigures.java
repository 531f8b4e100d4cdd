package org.smtpwatch.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What one scenario measured; printed one figure a line.
 *
 * @param missedEndpoints endpoints probed fewer times than the window has intervals
 * @param lagMax the histogram's own max (Micrometer's, decaying over about two minutes, so it can
 *     come from before the window)
 * @param lagRuns runs whose lag the window observed
 * @param lagRunsOverOneSecond of those, the runs more than 1 s late
 * @param firstScrapeSeconds the agent's first /metrics, with the scrape path not compiled yet
 * @param scrapeSeconds the median of the back-to-back text scrapes after the window
 * @param prometheusScrapeSeconds the median of the scrapes asking what Prometheus asks
 *     (OpenMetrics, gzip), whose compressed size is {@code prometheusScrapeBytes}
 * @param fleetCpuSeconds CPU of the benchmark's own JVM (fleet and driver) during the window
 */
record ScenarioFigures(
    Scenario scenario,
    Start start,
    double windowSeconds,
    double probes,
    double failures,
    long missedEndpoints,
    double cpuSeconds,
    double lagP50,
    double lagP99,
    double lagMax,
    double lagRuns,
    double lagRunsOverOneSecond,
    long residentBytes,
    long peakResidentBytes,
    long heapAfterGcBytes,
    double firstScrapeSeconds,
    double scrapeSeconds,
    double scrapeMaxSeconds,
    long scrapeBytes,
    double prometheusScrapeSeconds,
    long prometheusScrapeBytes,
    double fleetCpuSeconds) {

  void print(PrintStream out) {
    String p = scenario.name() + ": ";
    if (scenario.maxHeap() != null) {
      out.println(p + "agent heap: -Xmx" + scenario.maxHeap() + " instead of the unit's");
    }
    line(
        out,
        p + "start to first completed probe: %.2f s (machine %.0f%% busy just before)",
        start.toFirstProbeSeconds(),
        100 * start.busyShareBefore());
    line(
        out,
        p
            + "sustained probes/s: %.1f (%.0f probes, %.0f failed, in %.0f s; %d of %d endpoints"
            + " missed a run)",
        probes / windowSeconds,
        probes,
        failures,
        windowSeconds,
        missedEndpoints,
        scenario.endpoints());
    line(out, p + "CPU s per 1,000 probes (all modes): %.2f", 1000 * cpuSeconds / probes);
    line(
        out,
        p
            + "schedule lag p50/p99/max: %.3f / %.3f / %.3f s (%.0f of %.0f runs in the window over 1 s)",
        lagP50,
        lagP99,
        lagMax,
        lagRunsOverOneSecond,
        lagRuns);
    line(out, p + "RSS: %d MB (peak %d MB)", mb(residentBytes), mb(peakResidentBytes));
    line(out, p + "heap after GC: %.1f MB", heapAfterGcBytes / 1048576.0);
    line(
        out,
        p + "/metrics scrape: %.0f ms (max %.0f ms; the first one %.0f ms), %d kB",
        scrapeSeconds * 1000,
        scrapeMaxSeconds * 1000,
        firstScrapeSeconds * 1000,
        scrapeBytes / 1024);
    line(
        out,
        p + "/metrics as Prometheus asks (OpenMetrics, gzip): %.0f ms, %d kB",
        prometheusScrapeSeconds * 1000,
        prometheusScrapeBytes / 1024);
    line(out, p + "fleet+driver CPU s per 1,000 probes: %.2f", 1000 * fleetCpuSeconds / probes);
  }

  private static long mb(long bytes) {
    return bytes / 1048576;
  }

  private static void line(PrintStream out, String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
  }
}
