package org.smtpwatch.exporter.metrics;

import java.util.List;

/**
 * Certificate text bounded for labels. The server chooses its certificate: a subject of kilobytes
 * or thousands of subject alternative names must not become a label value of kilobytes in every
 * scrape (Prometheus keeps label values in memory for every series).
 */
final class CertificateLabelText {

  /** Longer than any real distinguished name; a San list is cut at this length too. */
  static final int MAX_LENGTH = 256;

  private CertificateLabelText() {}

  /** {@code text} cut to {@link #MAX_LENGTH} characters, marked with an ellipsis when cut. */
  static String bounded(String text) {
    if (text == null || text.length() <= MAX_LENGTH) {
      return text;
    }
    return text.substring(0, MAX_LENGTH - 1) + "\u2026";
  }

  /**
   * The names joined with commas while they fit in {@link #MAX_LENGTH}, then {@code +N more}: which
   * names come first and how many there are stays visible.
   */
  static String names(List<String> names) {
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      String next = (i == 0 ? "" : ",") + names.get(i);
      if (joined.length() + next.length() > MAX_LENGTH) {
        return joined.append(i == 0 ? "" : ",").append("+").append(names.size() - i) + " more";
      }
      joined.append(next);
    }
    return joined.toString();
  }
}
