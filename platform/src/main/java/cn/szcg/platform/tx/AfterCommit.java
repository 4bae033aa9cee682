package cn.szcg.platform.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once after the current transaction commits (never after a rollback), however often
 * it is asked within that transaction — e.g. waking a relay or a scheduler that should see the rows
 * just written.
 */
@ApplicationScoped
public class AfterCommit {

  @Inject TransactionSynchronizationRegistry txRegistry;

  /** Registers {@code action} under {@code key} for the current transaction, once per key. */
  public void once(Object key, Runnable action) {
    if (txRegistry.getResource(key) != null) {
      return;
    }
    txRegistry.putResource(key, Boolean.TRUE);
    txRegistry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }
}
