package cn.szcg.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are: the deploy module, the repository root and the operator CRDs. */
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
   * The operators' CRDs, kept as test data inside the repository ({@code
   * deploy/src/test/resources/k8s-crds}, Apache 2.0, sources in its README). Missing means the
   * check cannot run, which is a failure, not a skip.
   */
  static Path crdDir() {
    Path candidate = deployDir().resolve("src/test/resources/k8s-crds");
    if (!Files.isDirectory(candidate)) {
      throw new IllegalStateException(
          candidate + " not found: the operator CRDs are needed to validate the custom resources");
    }
    return candidate;
  }
}
