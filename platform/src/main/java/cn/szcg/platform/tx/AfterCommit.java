package cn.szcg.platform.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs work after the current transaction commits (never after a rollback): the one place the
 * services register a JTA {@link Synchronization}, instead of each writing its own.
 *
 * <ul>
 *   <li>{@link #once} — an action run once however often it is asked within that transaction, e.g.
 *       waking a relay or a scheduler that should see the rows just written;
 *   <li>{@link #run} — an action run after commit every time it is asked (each change its own);
 *   <li>{@link #collect} — a per-transaction collection the caller fills while it writes, handed to
 *       {@code atCommit} once at commit (e.g. entries that enter an in-memory copy only when the
 *       rows that hold them are committed).
 * </ul>
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
    run(action);
  }

  /** Runs {@code action} after the current transaction commits, once for every call. */
  public void run(Runnable action) {
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

  /**
   * The current transaction's collection under {@code key}: made by {@code fresh} on the first call
   * of the transaction (which also registers {@code atCommit} for it), the same object on every
   * later call. {@code atCommit} gets it once, after the commit.
   */
  public <T> T collect(Object key, Supplier<T> fresh, Consumer<? super T> atCommit) {
    @SuppressWarnings("unchecked")
    T current = (T) txRegistry.getResource(key);
    if (current != null) {
      return current;
    }
    T made = fresh.get();
    txRegistry.putResource(key, made);
    run(() -> atCommit.accept(made));
    return made;
  }
}
