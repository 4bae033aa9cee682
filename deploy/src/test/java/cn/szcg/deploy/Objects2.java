package cn.szcg.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers over rendered objects (JSON trees). */
final class Objects2 {
  private Objects2() {}

  static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
    return ofKind(objects, kind).stream().filter(o -> name.equals(name(o))).findFirst();
  }

  static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> m = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> l = new ArrayList<>();
    array.forEach(l::add);
    return l;
  }

  static JsonNode podSpec(JsonNode deployment) {
    return deployment.path("spec").path("template").path("spec");
  }

  static Map<String, String> podLabels(JsonNode deployment) {
    return stringMap(deployment.path("spec").path("template").path("metadata").path("labels"));
  }

  static List<JsonNode> containers(JsonNode deployment) {
    return list(podSpec(deployment).path("containers"));
  }

  /**
   * Env of the first container: literal values and ConfigMap values; secrets as "secret:name/key".
   */
  static Map<String, String> env(List<ObjectNode> objects, JsonNode deployment) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode c = containers(deployment).isEmpty() ? null : containers(deployment).get(0);
    if (c == null) {
      return env;
    }
    for (JsonNode from : c.path("envFrom")) {
      String prefix = from.path("prefix").asText("");
      if (from.has("configMapRef")) {
        find(objects, "ConfigMap", from.path("configMapRef").path("name").asText())
            .ifPresent(cm -> stringMap(cm.path("data")).forEach((k, v) -> env.put(prefix + k, v)));
      }
    }
    for (JsonNode e : c.path("env")) {
      String name = e.path("name").asText();
      if (e.has("value")) {
        env.put(name, e.path("value").asText());
      } else if (e.path("valueFrom").has("secretKeyRef")) {
        JsonNode ref = e.path("valueFrom").path("secretKeyRef");
        env.put(name, "secret:" + ref.path("name").asText() + "/" + ref.path("key").asText());
      } else if (e.path("valueFrom").has("configMapKeyRef")) {
        JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
        String value =
            find(objects, "ConfigMap", ref.path("name").asText())
                .map(cm -> cm.path("data").path(ref.path("key").asText()).asText(null))
                .orElse(null);
        if (value != null) {
          env.put(name, value);
        }
      } else {
        env.put(name, "");
      }
    }
    return env;
  }
}
