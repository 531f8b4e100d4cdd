package org.smtpwatch.agent.schedule;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads probes run on: one virtual thread per probe on Java 21+, platform threads on 17. The
 * build targets Java 17, so the virtual-thread API is looked up at run time. Either way the number
 * of probes actually talking to servers is bounded by {@link ProbePermits}, and the number of
 * threads by the number of endpoints (each has at most one probe in flight).
 */
final class ProbeThreads {

  private static final Logger log = LoggerFactory.getLogger(ProbeThreads.class);
  private static final String NAME_PREFIX = "smtpwatch-probe-";

  private ProbeThreads() {}

  static ExecutorService newExecutor() {
    ThreadFactory virtualThreads = virtualThreadFactory();
    if (virtualThreads != null) {
      log.debug("probes run on virtual threads");
      return newThreadPerTaskExecutor(virtualThreads);
    }
    log.debug("probes run on platform threads (virtual threads need Java 21)");
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), platformThreads());
  }

  /** {@code Thread.ofVirtual().name(prefix, 0).factory()}, or {@code null} before Java 21. */
  private static ThreadFactory virtualThreadFactory() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      MethodHandle start =
          lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
      MethodHandle name =
          lookup.findVirtual(
              builder, "name", MethodType.methodType(builder, String.class, long.class));
      MethodHandle factory =
          lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
      Object named = name.invoke(start.invoke(), NAME_PREFIX, 0L);
      return (ThreadFactory) factory.invoke(named);
    } catch (ReflectiveOperationException e) {
      return null;
    } catch (Throwable e) {
      throw new IllegalStateException("virtual threads present but unusable", e);
    }
  }

  private static ExecutorService newThreadPerTaskExecutor(ThreadFactory threads) {
    try {
      MethodHandle perTask =
          MethodHandles.publicLookup()
              .findStatic(
                  Executors.class,
                  "newThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class, ThreadFactory.class));
      return (ExecutorService) perTask.invoke(threads);
    } catch (Throwable e) {
      throw new IllegalStateException("Executors.newThreadPerTaskExecutor missing on Java 21+", e);
    }
  }

  // Daemon threads: an abandoned probe must never keep the JVM from exiting.
  private static ThreadFactory platformThreads() {
    AtomicLong sequence = new AtomicLong();
    return task -> {
      Thread thread = new Thread(task, NAME_PREFIX + sequence.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }
}
