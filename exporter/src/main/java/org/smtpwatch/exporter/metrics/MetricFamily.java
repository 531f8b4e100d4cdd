package org.smtpwatch.exporter.metrics;

/**
 * The name, type and help text of one metric family this exporter builds itself. Names are the full
 * exposed names of DESIGN section 3 ({@code smtp_probes_total}, {@code smtp_banner_info}); the
 * Prometheus client adds the {@code _bucket}/{@code _sum}/{@code _count} series of histograms.
 */
record MetricFamily(String name, String help, Type type) {

  enum Type {
    GAUGE,
    /** A gauge that is always 1 and carries its information in labels. */
    INFO,
    COUNTER,
    HISTOGRAM
  }

  static MetricFamily gauge(String name, String help) {
    return new MetricFamily(name, help, Type.GAUGE);
  }

  static MetricFamily info(String name, String help) {
    return new MetricFamily(name, help, Type.INFO);
  }

  static MetricFamily counter(String name, String help) {
    return new MetricFamily(name, help, Type.COUNTER);
  }

  static MetricFamily histogram(String name, String help) {
    return new MetricFamily(name, help, Type.HISTOGRAM);
  }
}
