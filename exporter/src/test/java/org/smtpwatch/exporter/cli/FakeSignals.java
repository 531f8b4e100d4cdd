package org.smtpwatch.exporter.cli;

import java.util.concurrent.CountDownLatch;

/** Process signals a test fires by hand: {@code reload.run()}, {@code terminate.run()}. */
final class FakeSignals implements ProcessSignals {
  volatile Runnable reload;
  volatile Runnable terminate;
  final CountDownLatch installed = new CountDownLatch(1);

  @Override
  public void onReload(Runnable action) {
    reload = action;
  }

  @Override
  public void onTerminate(Runnable action) {
    terminate = action;
    installed.countDown();
  }
}
