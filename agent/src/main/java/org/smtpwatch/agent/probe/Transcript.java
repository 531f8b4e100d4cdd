package org.smtpwatch.agent.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The SMTP dialogue of one probe, for {@code --transcript}. The scheduled probes discard it; only
 * interactive probes record it. Commands that would carry a secret are recorded redacted by the
 * caller, never verbatim.
 */
public final class Transcript {

  /** Who said a line. */
  public enum Direction {
    CLIENT,
    SERVER,
    /** Something the probe did that is not a line on the wire (TLS handshake, connect). */
    NOTE
  }

  public record Line(long elapsedNanos, Direction direction, String text) {}

  private final boolean recording;
  private final List<Line> lines = new ArrayList<>();

  private Transcript(boolean recording) {
    this.recording = recording;
  }

  public static Transcript recording() {
    return new Transcript(true);
  }

  public static Transcript discarding() {
    return new Transcript(false);
  }

  public synchronized void add(long elapsedNanos, Direction direction, String text) {
    if (recording) {
      lines.add(new Line(elapsedNanos, direction, text));
    }
  }

  public synchronized List<Line> lines() {
    return List.copyOf(lines);
  }
}
