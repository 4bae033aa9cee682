package cn.szcg.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The image each Deployment runs is built to match it: user, port, memory settings. */
class DockerfileTest {

  private static String dockerfile(String svc) throws IOException {
    Path file = Repo.root().resolve(svc).resolve("src/main/docker/Dockerfile.jvm");
    assertTrue(Files.isRegularFile(file), "missing " + file);
    return Files.readString(file);
  }

  private static String directive(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\s+(.+)$").matcher(text);
    String last = null;
    while (m.find()) {
      last = m.group(1).trim();
    }
    return last;
  }

  @Test
  void everyServiceHasAFastJarDockerfileThatMatchesItsDeployment() throws IOException {
    List<ObjectNode> objects = Kustomize.render(Repo.k8sDir().resolve("base"));
    for (String svc : RequiredConfig.DEPLOYED) {
      String text = dockerfile(svc);
      String from = directive(text, "FROM");
      assertTrue(
          from.matches("[^:]+/openjdk-17-runtime:[0-9.]+|eclipse-temurin:17[^ ]*-jre[^ ]*"),
          svc + ": base image must be a pinned Java 17 runtime, is " + from);
      assertTrue(text.contains("target/quarkus-app/"), svc + ": not the Quarkus fast-jar layout");
      ObjectNode d = Objects2.find(objects, "Deployment", svc).orElseThrow();
      JsonNode pod = Objects2.podSpec(d);
      assertEquals(
          pod.path("securityContext").path("runAsUser").asText(),
          directive(text, "USER"),
          svc + ": image user and runAsUser differ");
      int port = Objects2.containers(d).get(0).path("ports").get(0).path("containerPort").asInt();
      assertEquals(String.valueOf(port), directive(text, "EXPOSE"), svc + ": port");
      assertTrue(text.contains("-XX:MaxRAMPercentage="), svc + ": heap must follow the limit");
    }
  }
}
