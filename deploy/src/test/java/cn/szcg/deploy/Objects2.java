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
   * A literal value's {@code $(NAME)} references are expanded as the kubelet does: with the value
   * of NAME when envFrom or an earlier env entry defines it, else left as written; {@code $$} is a
   * literal {@code $}.
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
        env.put(name, expand(e.path("value").asText(), env));
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

  /** Kubernetes' dependent environment variables: $(NAME) and the $$ escape. */
  static String expand(String value, Map<String, String> defined) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '(') {
        int close = value.indexOf(')', i + 2);
        String ref = close < 0 ? null : value.substring(i + 2, close);
        if (ref != null && defined.containsKey(ref)) {
          out.append(defined.get(ref));
          i = close + 1;
        } else {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
