package org.smtpwatch.exporter.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP threads, with a deadline for reading a request's head. The JDK server reads the request
 * line and headers (and the TLS handshake) with blocking reads on a pool thread, without a time
 * limit, so a client sending one byte per second would hold that thread forever. Here the clock
 * starts when a thread picks the connection up (time spent queued for a free thread does not count)
 * and stops when {@link #filter()} sees the parsed request, before any handler runs (so a long
 * {@code /probe} is never cut). A thread still reading at the deadline is interrupted: its blocking
 * channel read then closes the connection, and the thread is free again.
 *
 * <p>The JDK's own {@code sun.net.httpserver.maxReqTime} does not fit: it counts from the accept,
 * through the wait for a thread, to the end of the handler.
 */
final class HeaderDeadline implements Executor, AutoCloseable {

  private final Duration limit;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final ThreadLocal<Reading> current = new ThreadLocal<>();

  HeaderDeadline(int threads, Duration limit) {
    this.limit = limit;
    this.workers = workers(threads);
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, daemon("smtpwatch-http-deadline", new AtomicInteger()));
    scheduler.setRemoveOnCancelPolicy(true);
    this.timer = scheduler;
  }

  @Override
  public void execute(Runnable exchange) {
    workers.execute(() -> run(exchange));
  }

  private void run(Runnable exchange) {
    Reading reading = new Reading(Thread.currentThread());
    current.set(reading);
    reading.expiry = timer.schedule(reading::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
    try {
      exchange.run();
    } finally {
      reading.finish();
      current.remove();
    }
  }

  /** Stops the clock once the request head is parsed; refuses requests whose time ran out. */
  Filter filter() {
    return new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Reading reading = current.get();
        if (reading != null && !reading.headRead()) {
          throw new IOException("request head not read within " + limit);
        }
        chain.doFilter(exchange);
      }

      @Override
      public String description() {
        return "request head deadline " + limit;
      }
    };
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
  }

  /**
   * One pool thread reading one request head. Every change of state holds the lock, so an interrupt
   * can never reach the thread after it moved on to another connection.
   */
  private static final class Reading {
    private final Thread thread;
    private ScheduledFuture<?> expiry;
    private boolean headRead;
    private boolean expired;
    private boolean finished;

    Reading(Thread thread) {
      this.thread = thread;
    }

    synchronized void expire() {
      if (!headRead && !finished) {
        expired = true;
        thread.interrupt();
      }
    }

    synchronized boolean headRead() {
      expiry.cancel(false);
      headRead = !expired;
      return headRead;
    }

    synchronized void finish() {
      finished = true;
      expiry.cancel(false);
      // An interrupt meant for this connection must not reach the next one.
      Thread.interrupted();
    }
  }

  private static ExecutorService workers(int threads) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemon("smtpwatch-http-", new AtomicInteger()));
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name, AtomicInteger count) {
    return task -> {
      Thread thread = new Thread(task, name.endsWith("-") ? name + count.incrementAndGet() : name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
