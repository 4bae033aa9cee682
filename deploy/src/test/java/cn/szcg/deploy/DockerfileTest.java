package cn.szcg.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image each Deployment runs is built to match it: user, port, memory settings; on the
 * repository's own Debian base (deploy/images/base.sh), fast-jar layers least-changing first, the
 * JVM as PID 1 (no run-java.sh, exec form), OCI labels.
 */
class DockerfileTest {

  static final List<String> MODULES = new ArrayList<>(RequiredConfig.SERVICES);

  static {
    MODULES.add("console");
  }

  static String containerfile(String module) throws IOException {
    Path file = Repo.root().resolve(module).resolve("src/main/docker/Containerfile");
    assertTrue(Files.isRegularFile(file), "missing " + file);
    return Files.readString(file);
  }

  static String directive(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\s+(.+)$").matcher(text);
    String last = null;
    while (m.find()) {
      last = m.group(1).trim();
    }
    return last;
  }

  /** Problems of one Containerfile against its Deployment (null: no Deployment, the console). */
  static List<String> problems(String module, String text, JsonNode deployment) {
    List<String> problems = new ArrayList<>();
    String from = directive(text, "FROM");
    // the shared base, or its CJK variant (base.sh --cjk: assessment's 通报 PDF embeds Noto CJK)
    if (!"${BASE_IMAGE}".equals(from)
        || !(text.contains("ARG BASE_IMAGE=szcg/base-jre17:")
            || text.contains("ARG BASE_IMAGE=szcg/base-jre17-cjk:"))) {
      problems.add(
          "base image must be szcg/base-jre17 or szcg/base-jre17-cjk (deploy/images/base.sh), is "
              + from);
    }
    // third-party libraries first, the application last: a code change re-ships the top layers
    String[] order = {
      "target/quarkus-app/lib/boot/",
      "target/image-layers/lib-third-party/",
      "target/image-layers/lib-szcg/",
      "target/quarkus-app/quarkus/",
      "target/quarkus-app/app/",
      "target/quarkus-app/quarkus-run.jar"
    };
    int last = -1;
    for (String path : order) {
      int at = text.indexOf("COPY " + path);
      if (at < 0 || at < last) {
        problems.add("fast-jar layers out of order or missing: " + path);
      }
      last = Math.max(last, at);
    }
    if (!text.contains("target/bom.json")) {
      problems.add("no SBOM in the image");
    }
    for (String label : List.of("source", "revision", "version", "licenses", "title")) {
      if (!text.contains("org.opencontainers.image." + label + "=")) {
        problems.add("OCI label missing: " + label);
      }
    }
    String entrypoint = directive(text, "ENTRYPOINT");
    if (entrypoint == null
        || !entrypoint.startsWith("[\"java\"")
        || !entrypoint.contains("-XX:MaxRAMPercentage=")
        || !entrypoint.contains("-XX:+ExitOnOutOfMemoryError")) {
      problems.add(
          "entrypoint must exec java (PID 1, exec form) with the heap following the limit and"
              + " ExitOnOutOfMemoryError, is "
              + entrypoint);
    }
    String user = directive(text, "USER");
    String port = directive(text, "EXPOSE");
    if (deployment == null) {
      if (!"185".equals(user)) {
        problems.add("user must be 185, is " + user);
      }
      return problems;
    }
    JsonNode pod = Objects2.podSpec(deployment);
    if (!pod.path("securityContext").path("runAsUser").asText().equals(user)) {
      problems.add("image user and runAsUser differ: " + user);
    }
    int containerPort =
        Objects2.containers(deployment).get(0).path("ports").get(0).path("containerPort").asInt();
    if (!String.valueOf(containerPort).equals(port)) {
      problems.add("port: EXPOSE " + port + ", containerPort " + containerPort);
    }
    return problems;
  }

  @Test
  void everyModuleHasAContainerfileThatMatchesItsDeployment() throws IOException {
    List<ObjectNode> objects = Kustomize.render(Repo.k8sDir().resolve("base"));
    for (String module : MODULES) {
      JsonNode d = Objects2.find(objects, "Deployment", module).orElse(null);
      assertTrue(d != null, module + ": no Deployment");
      assertEquals(List.of(), problems(module, containerfile(module), d), module);
    }
  }

  @Test
  void theCheckCatchesMistakes() throws IOException {
    List<ObjectNode> objects = Kustomize.render(Repo.k8sDir().resolve("base"));
    JsonNode d = Objects2.find(objects, "Deployment", "gis-service").orElseThrow();
    String good = containerfile("gis-service");
    assertEquals(List.of(), problems("gis-service", good, d));
    List<String> broken =
        List.of(
            good.replace("ARG BASE_IMAGE=szcg/base-jre17", "ARG BASE_IMAGE=docker.io/eclipse"),
            good.replace("USER 185", "USER 0"),
            good.replace("EXPOSE 8080", "EXPOSE 9000"),
            good.replace("-XX:MaxRAMPercentage=75.0", "-Xmx512m"),
            good.replace("ENTRYPOINT [\"java\",", "ENTRYPOINT [\"/bin/sh\", \"-c\", \"java\","),
            moveFirstCopyToEnd(good),
            good.replace("org.opencontainers.image.revision=", "x="),
            good.replace("COPY target/bom.json", "# COPY target/bom.json")
                .replace("target/bom", ""));
    for (String text : broken) {
      assertFalse(problems("gis-service", text, d).isEmpty(), "not caught:\n" + text);
    }
  }

  private static String moveFirstCopyToEnd(String text) {
    String line = "COPY target/image-layers/lib-third-party/ /deployments/lib/main/\n";
    assertTrue(text.contains(line));
    return text.replace(line, "") + line;
  }
}
