package cn.szcg.testsupport.arch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules of a service's four rooms (docs/architecture.md "Four rooms"), checked on its sources:
 *
 * <ul>
 *   <li>{@code api/}: no SQL or JPQL (no query strings, no JDBC), no {@code QuarkusTransaction}, a
 *       {@code @Transactional} only on a {@code @GET} (a read's session), never on a command;
 *   <li>{@code application/}: no SQL or JPQL, no import of {@code api};
 *   <li>{@code domain/}: no framework, no I/O (no Jakarta, Quarkus, Hibernate, JDBC, files, HTTP,
 *       JSON unless the service names it as allowed; no resource or file read), no import of the
 *       other rooms or of platform;
 *   <li>{@code infra/}: no import of {@code api} or {@code application};
 *   <li>a class in {@code domain/} or {@code application/} over {@value #MAX_LINES} lines says why
 *       in its Javadoc (a paragraph starting {@code <p>Why one}).
 * </ul>
 */
public final class FourRooms {

  /** Longer classes in domain/ and application/ must give a reason. */
  public static final int MAX_LINES = 400;

  private static final Pattern SQL =
      Pattern.compile(
          "createNativeQuery|createQuery\\(|prepareStatement|getConnection\\(|"
              + "\\.(find|list|update|count|delete|stream)\\(\"|"
              + "\"[^\"]*\\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\\s[^\"]*\"");

  private static final List<String> FRAMEWORK =
      List.of(
          "jakarta.",
          "javax.",
          "io.quarkus.",
          "io.smallrye.",
          "io.vertx.",
          "org.hibernate.",
          "org.eclipse.microprofile.",
          "java.sql.",
          "java.nio.file.",
          "java.net.http.",
          "com.fasterxml.jackson.",
          "cn.szcg.platform.");

  /** Reading a classpath resource or a file: a loader's work, not the domain's. */
  private static final Pattern RESOURCE_READ =
      Pattern.compile("\\.getResource(AsStream)?\\(|new FileInputStream\\(|new FileReader\\(");

  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+)");

  private FourRooms() {}

  /**
   * The violations in the service whose packages are under {@code serviceRoot} (e.g. {@code
   * src/main/java/cn/szcg/intake}); {@code domainMayImport} names prefixes the service's domain is
   * allowed beyond the rules (each with its reason in docs/architecture.md).
   */
  public static List<String> violations(Path serviceRoot, String... domainMayImport) {
    String base = serviceRoot.toString().replace('\\', '/');
    String pkg = base.substring(base.indexOf("/cn/") + 1).replace('/', '.');
    List<String> out = new ArrayList<>();
    for (Path f : javaFiles(serviceRoot)) {
      String rel = serviceRoot.relativize(f).toString().replace('\\', '/');
      String room = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
      String src = read(f);
      String code = withoutComments(src);
      List<String> imports = new ArrayList<>();
      Matcher m = IMPORT.matcher(src);
      while (m.find()) {
        imports.add(m.group(1));
      }
      switch (room) {
        case "api" -> {
          if (SQL.matcher(code).find()) {
            out.add(rel + ": SQL or JPQL in api/ (belongs to an infra query)");
          }
          if (code.contains("QuarkusTransaction")) {
            out.add(rel + ": a transaction boundary in api/ (belongs to application/)");
          }
          for (String method : transactionalNonGets(code)) {
            out.add(rel + ": @Transactional on command " + method + " (belongs to application/)");
          }
        }
        case "application" -> {
          if (SQL.matcher(code).find()) {
            out.add(rel + ": SQL or JPQL in application/ (belongs to infra/)");
          }
          imports.stream()
              .filter(i -> i.startsWith(pkg + ".api."))
              .forEach(i -> out.add(rel + ": application/ imports " + i));
        }
        case "domain" -> {
          if (RESOURCE_READ.matcher(code).find()) {
            out.add(rel + ": domain/ reads a resource or file (I/O: belongs to an infra loader)");
          }
          for (String i : imports) {
            boolean framework = FRAMEWORK.stream().anyMatch(i::startsWith);
            boolean room2 =
                i.startsWith(pkg + ".api.")
                    || i.startsWith(pkg + ".application.")
                    || i.startsWith(pkg + ".infra.");
            boolean allowed = List.of(domainMayImport).stream().anyMatch(i::startsWith);
            if ((framework || room2) && !allowed) {
              out.add(rel + ": domain/ imports " + i);
            }
          }
        }
        case "infra" ->
            imports.stream()
                .filter(i -> i.startsWith(pkg + ".api.") || i.startsWith(pkg + ".application."))
                .forEach(i -> out.add(rel + ": infra/ imports " + i));
        default -> {
          // other packages (config, …) have no rule here
        }
      }
      if ((room.equals("domain") || room.equals("application"))
          && src.lines().count() > MAX_LINES
          && !src.contains("<p>Why one")) {
        out.add(
            rel
                + ": "
                + src.lines().count()
                + " lines without a reason in its Javadoc (\"<p>Why one …\")");
      }
    }
    return out;
  }

  /** The names of methods annotated {@code @Transactional} without {@code @GET}. */
  static List<String> transactionalNonGets(String code) {
    List<String> out = new ArrayList<>();
    String[] lines = code.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].trim().startsWith("@Transactional")) {
        continue;
      }
      int start = i;
      while (start > 0 && !endsMember(lines[start - 1])) {
        start--;
      }
      int end = i;
      while (end < lines.length - 1 && !isMemberStart(lines[end])) {
        end++;
      }
      boolean get = false;
      for (int k = start; k <= end; k++) {
        if (lines[k].trim().equals("@GET")) {
          get = true;
        }
      }
      if (!get) {
        out.add(lines[Math.min(end, lines.length - 1)].trim());
      }
    }
    return out;
  }

  private static boolean endsMember(String line) {
    String t = line.trim();
    return t.isEmpty() || t.endsWith(";") || t.equals("}");
  }

  private static boolean isMemberStart(String line) {
    String t = line.trim();
    return t.startsWith("public ") || t.startsWith("protected ") || t.startsWith("private ");
  }

  private static String withoutComments(String src) {
    return src.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
