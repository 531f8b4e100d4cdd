package org.smtpwatch.agent.testkit.postfix;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link PostfixInstance} for a whole test class, stopped after its last test whatever
 * happened:
 *
 * <pre>{@code
 * @RegisterExtension static final PostfixExtension POSTFIX = new PostfixExtension();
 * ... POSTFIX.instance().port(PostfixListener.SUBMISSION_587) ...
 * }</pre>
 */
public final class PostfixExtension implements BeforeAllCallback, AfterAllCallback {

  private PostfixInstance instance;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    instance = PostfixInstance.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (instance != null) {
      PostfixInstance started = instance;
      instance = null;
      started.close();
    }
  }

  /** The running instance; only between the class's before-all and after-all. */
  public PostfixInstance instance() {
    if (instance == null) {
      throw new IllegalStateException(
          "no Postfix instance: register PostfixExtension on a static field");
    }
    return instance;
  }
}
