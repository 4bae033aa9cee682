package cn.szcg.platform.tx;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Which failures of a database call are the database's state, not the data: worth waiting for and
 * doing again, never a reason to refuse or dead-letter the work.
 */
public final class TransientFailures {

  private TransientFailures() {}

  /**
   * True for a lost or refused connection (SQLState class 08), a server shutting down, restarting
   * or not yet accepting connections (57P01–57P03), too many connections / out of resources (class
   * 53), a deadlock (40P01) or serialization failure (40001), and a pool that could not hand out a
   * connection in time — anywhere in the cause chain.
   */
  public static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57P")
            || state.equals("40001")
            || state.equals("40P01")) {
          return true;
        }
      }
      if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().contains("Acquisition timeout")) {
        return true;
      }
    }
    return false;
  }
}
