package cn.szcg.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize} and parses the objects. */
final class Kustomize {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ConcurrentHashMap<Path, List<ObjectNode>> CACHE = new ConcurrentHashMap<>();

  private Kustomize() {}

  static String kubectl() {
    for (String candidate : List.of("/usr/bin/kubectl", "/usr/local/bin/kubectl")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return "kubectl";
  }

  /** Rendered objects of one kustomization directory (cached: rendering forks a process). */
  static List<ObjectNode> render(Path dir) {
    return CACHE
        .computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::renderUncached)
        .stream()
        .map(ObjectNode::deepCopy)
        .toList();
  }

  private static List<ObjectNode> renderUncached(Path dir) {
    try {
      Path err = Files.createTempFile("kustomize", ".err");
      Process p =
          new ProcessBuilder(kubectl(), "kustomize", dir.toString())
              .redirectError(err.toFile())
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("kubectl kustomize " + dir + " timed out");
      }
      String stderr = Files.readString(err);
      Files.deleteIfExists(err);
      if (p.exitValue() != 0) {
        throw new IllegalStateException("kubectl kustomize " + dir + " failed:\n" + stderr);
      }
      return parse(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every document of a multi-document YAML stream, as JSON trees; empty documents skipped. */
  static List<ObjectNode> parse(String yaml) {
    List<ObjectNode> docs = new ArrayList<>();
    try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(yaml)) {
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode node = it.next();
        if (node == null || node.isNull() || node.isMissingNode()) {
          continue;
        }
        if (!node.isObject()) {
          throw new IllegalArgumentException("a manifest document is not a mapping: " + node);
        }
        docs.add((ObjectNode) node);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  static String id(JsonNode o) {
    return o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
  }
}
