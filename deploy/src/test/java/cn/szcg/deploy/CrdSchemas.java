package cn.szcg.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Validates custom resources (Strimzi, CloudNativePG, Keycloak) against the {@code openAPIV3Schema}
 * of their CustomResourceDefinition, read from {@code deploy/src/test/resources/k8s-crds}.
 *
 * <p>A CRD schema is OpenAPI v3 with Kubernetes extensions, not JSON Schema. It is translated the
 * way the API server reads it, and as strictly as {@code kubectl apply --validate=strict}:
 *
 * <ul>
 *   <li>{@code nullable: true} becomes a {@code null} alternative of the type (and of an enum);
 *   <li>{@code x-kubernetes-int-or-string} keeps its anyOf integer|string and drops {@code type};
 *   <li>an object with {@code properties} rejects fields it does not list ({@code
 *       additionalProperties: false}) unless it has {@code x-kubernetes-preserve-unknown-fields};
 *   <li>{@code x-kubernetes-embedded-resource} admits apiVersion, kind and metadata;
 *   <li>{@code format}, {@code default}, {@code example} and the other {@code x-kubernetes-*}
 *       keywords are dropped (CEL rules in {@code x-kubernetes-validations} are not evaluated);
 *   <li>the top-level {@code metadata} is checked against a strict ObjectMeta subset.
 * </ul>
 */
final class CrdSchemas {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> KEPT =
      Set.of(
          "type",
          "properties",
          "items",
          "additionalProperties",
          "required",
          "enum",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minLength",
          "maxLength",
          "pattern",
          "minItems",
          "maxItems",
          "uniqueItems",
          "minProperties",
          "maxProperties",
          "multipleOf",
          "allOf",
          "anyOf",
          "oneOf",
          "not");

  private final Map<String, JsonSchema> schemas = new HashMap<>();

  private CrdSchemas() {}

  /** Loads every CRD under the shared reference folder. */
  static CrdSchemas load() {
    return load(Repo.crdDir());
  }

  static CrdSchemas load(Path dir) {
    CrdSchemas result = new CrdSchemas();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files =
          s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
      for (Path file : files) {
        for (ObjectNode doc : Kustomize.parse(Files.readString(file))) {
          if (!"CustomResourceDefinition".equals(doc.path("kind").asText())) {
            continue;
          }
          String group = doc.path("spec").path("group").asText();
          String kind = doc.path("spec").path("names").path("kind").asText();
          for (JsonNode version : doc.path("spec").path("versions")) {
            if (!version.path("served").asBoolean(false)) {
              continue;
            }
            JsonNode openApi = version.path("schema").path("openAPIV3Schema");
            if (openApi.isMissingNode()) {
              continue;
            }
            ObjectNode converted = topLevel(convert(openApi));
            result.schemas.put(
                key(group + "/" + version.path("name").asText(), kind),
                factory.getSchema(converted));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (result.schemas.isEmpty()) {
      throw new IllegalStateException("no CustomResourceDefinition found under " + dir);
    }
    return result;
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + " " + kind;
  }

  boolean knows(String apiVersion, String kind) {
    return schemas.containsKey(key(apiVersion, kind));
  }

  Set<String> known() {
    return new TreeSet<>(schemas.keySet());
  }

  /** Problems of one custom resource; empty when it conforms. */
  List<String> validate(JsonNode resource) {
    String apiVersion = resource.path("apiVersion").asText();
    String kind = resource.path("kind").asText();
    JsonSchema schema = schemas.get(key(apiVersion, kind));
    List<String> errors = new ArrayList<>();
    if (schema == null) {
      errors.add(Kustomize.id(resource) + ": no served CRD version for " + key(apiVersion, kind));
      return errors;
    }
    for (ValidationMessage m : schema.validate(resource)) {
      errors.add(Kustomize.id(resource) + ": " + m.getMessage());
    }
    return errors;
  }

  /** OpenAPI v3 (Kubernetes flavour) to JSON Schema draft 4. */
  static JsonNode convert(JsonNode node) {
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = F.objectNode();
    node.fields()
        .forEachRemaining(
            e -> {
              String k = e.getKey();
              JsonNode v = e.getValue();
              if (!KEPT.contains(k)) {
                return;
              }
              switch (k) {
                case "properties" -> {
                  ObjectNode props = F.objectNode();
                  v.fields().forEachRemaining(p -> props.set(p.getKey(), convert(p.getValue())));
                  out.set(k, props);
                }
                case "items", "not" -> out.set(k, v.isArray() ? convertAll(v) : convert(v));
                case "additionalProperties" -> out.set(k, v.isObject() ? convert(v) : v);
                case "allOf", "anyOf", "oneOf" -> out.set(k, convertAll(v));
                default -> out.set(k, v.deepCopy());
              }
            });
    boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
      out.remove("type");
      if (!out.has("anyOf")) {
        ArrayNode any = out.putArray("anyOf");
        any.addObject().put("type", "integer");
        any.addObject().put("type", "string");
      }
    }
    if (node.path("x-kubernetes-embedded-resource").asBoolean(false)) {
      ObjectNode props = out.has("properties") ? (ObjectNode) out.get("properties") : null;
      if (props != null) {
        props.putIfAbsent("apiVersion", F.objectNode().put("type", "string"));
        props.putIfAbsent("kind", F.objectNode().put("type", "string"));
        props.putIfAbsent("metadata", F.objectNode().put("type", "object"));
      }
    }
    if ("object".equals(out.path("type").asText())
        && out.has("properties")
        && !out.has("additionalProperties")
        && !preserve) {
      out.put("additionalProperties", false);
    }
    if (node.path("nullable").asBoolean(false) && out.has("type")) {
      ArrayNode types = F.arrayNode();
      types.add(out.get("type").asText());
      types.add("null");
      out.set("type", types);
      if (out.has("enum")) {
        ((ArrayNode) out.get("enum")).addNull();
      }
    }
    return out;
  }

  private static ArrayNode convertAll(JsonNode array) {
    ArrayNode out = F.arrayNode();
    array.forEach(n -> out.add(convert(n)));
    return out;
  }

  /** Root of a resource: apiVersion, kind, a strict ObjectMeta subset, spec, status. */
  private static ObjectNode topLevel(JsonNode converted) {
    ObjectNode root = ((ObjectNode) converted).deepCopy();
    root.put("type", "object");
    ObjectNode props = root.has("properties") ? (ObjectNode) root.get("properties") : null;
    if (props == null) {
      props = root.putObject("properties");
    }
    props.set("apiVersion", F.objectNode().put("type", "string"));
    props.set("kind", F.objectNode().put("type", "string"));
    props.set("metadata", objectMeta());
    root.put("additionalProperties", false);
    ArrayNode required = root.putArray("required");
    required.add("apiVersion").add("kind").add("metadata");
    return root;
  }

  static ObjectNode objectMeta() {
    ObjectNode meta = F.objectNode().put("type", "object");
    ObjectNode props = meta.putObject("properties");
    ObjectNode name = props.putObject("name").put("type", "string").put("maxLength", 253);
    name.put("pattern", "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$");
    props.putObject("namespace").put("type", "string");
    props.putObject("generateName").put("type", "string");
    ObjectNode stringMap = F.objectNode().put("type", "object");
    stringMap.putObject("additionalProperties").put("type", "string");
    props.set("labels", stringMap);
    props.set("annotations", stringMap.deepCopy());
    props.putObject("finalizers").put("type", "array").putObject("items").put("type", "string");
    props.putObject("ownerReferences").put("type", "array");
    meta.put("additionalProperties", false);
    meta.putArray("required").add("name");
    return meta;
  }
}
