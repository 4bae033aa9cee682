package cn.szcg.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: a stranger who clones it anywhere has everything it needs. No
 * tracked file — code, test, script, doc — may refer to a folder above the repository: no path into
 * a sibling folder such as a shared reading folder, no absolute path into the folder the checkout
 * sits in, no Markdown link that climbs out of the repository. Test data lives inside
 * (deploy/src/test/resources/k8s-crds, sla-service/src/test/resources/holidays-oracle), the
 * requirements in docs/requirements.md.
 */
class RepositoryStandsAloneTest {

  /** The sibling folder path, written in two pieces so that this file does not name it itself. */
  private static final String SHARED_ABOVE = ".." + "/shared";

  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  private static final Set<String> SKIPPED_DIRS =
      Set.of(".git", "target", "node_modules", ".local", "dist");

  @Test
  void noTrackedFileReachesAboveTheRepository() {
    Path root = Repo.root().toAbsolutePath().normalize();
    List<String> offending = offending(root, files(root));
    assertEquals(List.of(), offending, "files that reach outside the repository " + root);
  }

  @Test
  void theCheckFindsEachKindOfReference() throws IOException {
    // the check itself can fail: a scratch repository with one file of each kind
    Path scratch = Files.createTempDirectory("standalone");
    Path repo = Files.createDirectories(scratch.resolve("repo"));
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve("docs/a.md"), "see [R](" + SHARED_ABOVE + "/x.md)\n");
    Files.writeString(repo.resolve("docs/b.md"), "see [up](../../outside.md)\n");
    Files.writeString(repo.resolve("c.sh"), "cat " + scratch + "/elsewhere/file\n");
    Files.writeString(repo.resolve("docs/d.md"), "fine: [in](../c.sh), [web](https://x.org/a)\n");
    List<String> found =
        offending(
            repo,
            List.of(
                repo.resolve("docs/a.md"),
                repo.resolve("docs/b.md"),
                repo.resolve("c.sh"),
                repo.resolve("docs/d.md")));
    assertEquals(3, found.size(), found.toString());
    assertTrue(found.stream().noneMatch(f -> f.startsWith("docs/d.md")), found.toString());
  }

  private static List<String> offending(Path root, List<Path> files) {
    Path parent = root.getParent();
    String above = parent == null || parent.getParent() == null ? null : parent + "/";
    List<String> out = new ArrayList<>();
    for (Path f : files) {
      String text = text(f);
      if (text == null) {
        continue;
      }
      String rel = root.relativize(f).toString();
      if (text.contains(SHARED_ABOVE)) {
        out.add(rel + ": refers to " + SHARED_ABOVE);
      }
      if (above != null && text.contains(above)) {
        out.add(rel + ": absolute path into " + above);
      }
      if (rel.endsWith(".md")) {
        Matcher m = MARKDOWN_LINK.matcher(text);
        while (m.find()) {
          String link = m.group(1);
          if (link.contains("://") || link.startsWith("#") || link.startsWith("mailto:")) {
            continue;
          }
          String pathPart = link.replaceAll("#.*$", "");
          if (pathPart.isEmpty()) {
            continue;
          }
          Path target =
              pathPart.startsWith("/")
                  ? Path.of(pathPart).normalize()
                  : f.getParent().resolve(pathPart).normalize();
          if (!target.startsWith(root)) {
            out.add(rel + ": link " + link + " leaves the repository");
          }
        }
      }
    }
    return out;
  }

  /** The tracked files (git), or every file outside build output when git is not at hand. */
  private static List<Path> files(Path root) {
    if (Files.isDirectory(root.resolve(".git")) || Files.isRegularFile(root.resolve(".git"))) {
      try {
        Process p =
            new ProcessBuilder("git", "ls-files", "-z")
                .directory(root.toFile())
                .redirectErrorStream(false)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() == 0) {
          List<Path> files = new ArrayList<>();
          for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
            if (!name.isEmpty() && Files.isRegularFile(root.resolve(name))) {
              files.add(root.resolve(name));
            }
          }
          return files;
        }
      } catch (IOException e) {
        // no git: walk the tree below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p -> {
                for (Path part : root.relativize(p)) {
                  if (SKIPPED_DIRS.contains(part.toString())) {
                    return false;
                  }
                }
                return true;
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file as text, or null for a binary or very large file. */
  private static String text(Path f) {
    try {
      if (Files.size(f) > 8 * 1024 * 1024) {
        return null;
      }
      byte[] b = Files.readAllBytes(f);
      for (int i = 0; i < Math.min(b.length, 8000); i++) {
        if (b[i] == 0) {
          return null;
        }
      }
      return new String(b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
