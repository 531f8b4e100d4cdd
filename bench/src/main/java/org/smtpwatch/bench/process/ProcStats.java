package org.smtpwatch.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a process costs, read from outside through /proc and jcmd (Linux only). */
public final class ProcStats {

  /** USER_HZ: 100 on every Linux architecture the JDK runs on. */
  private static final double TICKS_PER_SECOND = 100;

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private ProcStats() {}

  /** User plus system CPU seconds the process has used so far. */
  public static double cpuSeconds(long pid) {
    return cpuOf(read(Path.of("/proc", Long.toString(pid), "stat")));
  }

  private static double cpuOf(String stat) {
    // Fields after the command name (which may hold spaces) in parentheses; utime and stime
    // are fields 14 and 15 of the whole line, so 12 and 13 after ") ".
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  /**
   * CPU seconds each live JIT compiler thread ({@code C1 CompilerThre}, {@code C2 CompilerThre} in
   * {@code /proc/PID/task/TID/comm}) has used so far, by thread id. The JVM retires idle compiler
   * threads and starts new ones when work queues up, so a sum over the live ones can fall between
   * two readings; {@link CpuReading#compilerSecondsSince} compares thread by thread instead.
   */
  static Map<String, Double> compilerThreadSeconds(long pid) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    Map<String, Double> seconds = new HashMap<>();
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path task : threads) {
        try {
          String comm = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII);
          if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
            seconds.put(task.getFileName().toString(), cpuOf(stat));
          }
        } catch (IOException e) {
          // The thread ended between listing and reading: its CPU is gone with it.
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + tasks + " (has the process ended?)", e);
    }
    return seconds;
  }

  /** VmRSS in bytes: resident memory now. */
  public static long residentBytes(long pid) {
    return statusKilobytes(pid, "VmRSS:") * 1024;
  }

  /** VmHWM in bytes: the most resident memory the process ever had. */
  public static long peakResidentBytes(long pid) {
    return statusKilobytes(pid, "VmHWM:") * 1024;
  }

  /**
   * Java heap in use right after a full GC ({@code jcmd PID GC.run}, then the used sizes of the
   * heap's generations from {@code GC.heap_info}); -1 if jcmd could not tell.
   */
  public static long heapAfterGcBytes(long pid) {
    if (jcmd(pid, "GC.run") == null) {
      return -1;
    }
    String info = jcmd(pid, "GC.heap_info");
    if (info == null) {
      return -1;
    }
    long kilobytes = 0;
    boolean found = false;
    for (String line : info.split("\n")) {
      // Serial: "def new generation" and "tenured generation"; G1: "garbage-first heap".
      if (line.contains("generation") || line.contains("heap")) {
        Matcher used = USED.matcher(line);
        if (used.find()) {
          kilobytes += Long.parseLong(used.group(1));
          found = true;
        }
      }
    }
    return found ? kilobytes * 1024 : -1;
  }

  private static String jcmd(long pid, String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process =
          new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
              .redirectErrorStream(true)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        System.err.println("jcmd " + command + " failed: " + out.strip());
        return null;
      }
      return out;
    } catch (IOException e) {
      System.err.println("jcmd " + command + " failed: " + e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static long statusKilobytes(long pid, String field) {
    for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + " (has the process ended?)", e);
    }
  }
}
