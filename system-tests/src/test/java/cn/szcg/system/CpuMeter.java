package cn.szcg.system;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each case's CPU goes (issue 23): CPU time of every process of the stack
 * ($SZCG_HOME/run/*.pid with its children) and of the PostgreSQL backends serving each service's
 * database, read from /proc; plus each database's transactions and — when pg_stat_statements is
 * loaded (deploy/local/load.sh with SZCG_PG_STATEMENTS=1) — its statements, i.e. the round trips
 * the service makes. Divided by the cases a process's stage completed in the same interval, these
 * figures do not depend on how busy the machine is, unlike the rates.
 */
final class CpuMeter {

  static final List<String> SERVICES = List.of("gis", "intake", "dispatch", "sla", "assessment");

  /** clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux) */
  static final long HZ = 100;

  /**
   * One reading. Backends are keyed by pid: a pool keeps them for the run, and one that ended
   * between two readings keeps its last value (the interval's maximum is used).
   */
  record Reading(
      Map<String, Long> processMs,
      Map<Long, String> backendService,
      Map<Long, Long> backendMs,
      Map<String, Long> transactions,
      Map<String, Long> statements) {}

  static Reading read() {
    Map<String, Long> proc = new TreeMap<>();
    String home = System.getenv("SZCG_HOME");
    if (home != null) {
      try (var files = Files.list(Path.of(home, "run"))) {
        for (Path f : files.filter(x -> x.toString().endsWith(".pid")).toList()) {
          try {
            long pid = Long.parseLong(Files.readString(f).trim());
            proc.put(f.getFileName().toString().replace(".pid", ""), cpuMs(pid, true));
          } catch (Exception e) {
            // a process restarting
          }
        }
      } catch (Exception e) {
        // no run directory
      }
    }
    proc.put(
        "load driver (this JVM)",
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1_000_000);
    Map<Long, String> service = new HashMap<>();
    Map<Long, Long> backend = new HashMap<>();
    Map<String, Long> tx = new TreeMap<>();
    Map<String, Long> st = new TreeMap<>();
    for (String s : SERVICES) {
      try (Connection c = PipelineDriver.db(s);
          Statement q = c.createStatement()) {
        try (ResultSet rs =
            q.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid()")) {
          while (rs.next()) {
            long pid = rs.getLong(1);
            service.put(pid, s);
            backend.put(pid, cpuMs(pid, false));
          }
        }
        try (ResultSet rs =
            q.executeQuery(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database"
                    + " WHERE datname = current_database()")) {
          rs.next();
          tx.put(s, rs.getLong(1));
        }
        try (ResultSet rs =
            q.executeQuery(
                "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid ="
                    + " (SELECT oid FROM pg_database WHERE datname = current_database())")) {
          rs.next();
          st.put(s, rs.getLong(1));
        } catch (SQLException e) {
          // pg_stat_statements not loaded or not created in this database
        }
      } catch (SQLException e) {
        // the database does not answer (a restart): no reading of it this time
      }
    }
    return new Reading(proc, service, backend, tx, st);
  }

  /** utime + stime of a process (with its children when asked), in ms; 0 when it is gone. */
  static long cpuMs(long pid, boolean withChildren) {
    return ticks(pid, withChildren) * 1000 / HZ;
  }

  private static long ticks(long pid, boolean withChildren) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // the fields after "(comm) ": state is [0], utime [11], stime [12] (man 5 proc: 14, 15)
      long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      Path children = Path.of("/proc/" + pid + "/task/" + pid + "/children");
      if (withChildren && Files.exists(children)) {
        for (String c : Files.readString(children).trim().split("\\s+")) {
          if (!c.isBlank()) {
            t += ticks(Long.parseLong(c), true);
          }
        }
      }
      return t;
    } catch (Exception e) {
      return 0;
    }
  }

  /**
   * The table: per process, CPU ms per case of its stage over [from, to] (the readings between them
   * give the backends that ended meanwhile), the PostgreSQL backends' CPU, transactions and
   * statements per case. {@code cases} maps a service (gis, intake, …) to the cases its stage
   * completed in the interval; other processes (broker, Keycloak, driver) count registrations.
   */
  static String table(List<Reading> interval, Map<String, Long> cases, long registered) {
    Reading from = interval.get(0);
    Reading to = interval.get(interval.size() - 1);
    Map<Long, Long> backendMax = new HashMap<>();
    Map<Long, String> backendService = new HashMap<>();
    for (Reading r : interval) {
      r.backendMs().forEach((pid, ms) -> backendMax.merge(pid, ms, Math::max));
      backendService.putAll(r.backendService());
    }
    Map<String, Long> pgMs = new TreeMap<>();
    backendMax.forEach(
        (pid, ms) ->
            pgMs.merge(
                backendService.get(pid),
                Math.max(0, ms - from.backendMs().getOrDefault(pid, 0L)),
                Long::sum));
    StringBuilder t = new StringBuilder();
    t.append(
        "\n| process | cases in the interval | CPU ms per case (process) | CPU ms per case"
            + " (its PostgreSQL backends) | transactions per case | statements per case |\n"
            + "|---|---:|---:|---:|---:|---:|\n");
    double total = 0;
    for (String p : to.processMs().keySet()) {
      String s = p.endsWith("-service") ? p.substring(0, p.length() - "-service".length()) : null;
      long n = s != null && cases.containsKey(s) ? cases.get(s) : registered;
      long procMs = to.processMs().get(p) - from.processMs().getOrDefault(p, 0L);
      double perCase = n == 0 ? Double.NaN : (double) procMs / n;
      String pg = "–", txs = "–", sts = "–";
      if (s != null && SERVICES.contains(s) && n > 0) {
        double pgPer = (double) pgMs.getOrDefault(s, 0L) / n;
        pg = "%.2f".formatted(pgPer);
        total += pgPer;
        txs = perCase(from.transactions(), to.transactions(), s, n);
        sts = perCase(from.statements(), to.statements(), s, n);
      }
      if (!Double.isNaN(perCase)) {
        total += perCase;
      }
      t.append("| %s | %d | %.2f | %s | %s | %s |%n".formatted(p, n, perCase, pg, txs, sts));
    }
    t.append(
        "CPU per case, all processes and backends: %.1f ms (2 cores give 2,000 ms per second)%n"
            .formatted(total));
    if (to.statements().isEmpty()) {
      t.append(
          "statements per case: pg_stat_statements not loaded (SZCG_PG_STATEMENTS=1"
              + " deploy/local/load.sh loads it)\n");
    }
    return t.toString();
  }

  private static String perCase(Map<String, Long> a, Map<String, Long> b, String s, long n) {
    if (!a.containsKey(s) || !b.containsKey(s)) {
      return "–";
    }
    return "%.1f".formatted((double) (b.get(s) - a.get(s)) / n);
  }

  private CpuMeter() {}
}
