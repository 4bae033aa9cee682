package cn.szcg.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are: the deploy module, the repository root and the shared operator CRDs. */
final class Repo {
  private Repo() {}

  /** The deploy module directory (holds k8s/). Surefire runs with the module as working dir. */
  static Path deployDir() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("k8s/overlays"))) {
        return p;
      }
      if (Files.isDirectory(p.resolve("deploy/k8s/overlays"))) {
        return p.resolve("deploy");
      }
    }
    throw new IllegalStateException("no deploy/k8s/overlays above " + dir);
  }

  static Path root() {
    return deployDir().getParent();
  }

  static Path k8sDir() {
    return deployDir().resolve("k8s");
  }

  /** Every overlay directory (dev, prod, and any county added later). */
  static List<Path> overlays() {
    try (Stream<Path> s = Files.list(k8sDir().resolve("overlays"))) {
      return s.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The operators' CRDs, read in place from {@code shared/reference/k8s-crds} found by walking up
   * from the working directory. Never copied into the repository; missing means the check cannot
   * run, which is a failure, not a skip.
   */
  static Path crdDir() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/reference/k8s-crds");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/reference/k8s-crds not found above "
            + dir
            + ": the operator CRDs are needed to validate the custom resources");
  }
}
