package cn.szcg.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI-to-JSON-Schema translation of CRD schemas, as a specification. */
class CrdSchemasTest {
  private static final String CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.org
      spec:
        group: example.org
        names: {kind: Widget, plural: widgets}
        scope: Namespaced
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    properties:
                      size:
                        type: integer
                        format: int32
                        minimum: 1
                      port:
                        x-kubernetes-int-or-string: true
                        anyOf: [{type: integer}, {type: string}]
                      note:
                        type: string
                        nullable: true
                      config:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                      template:
                        type: object
                        x-kubernetes-embedded-resource: true
                        properties:
                          spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
                      mode:
                        type: string
                        enum: [a, b]
                    x-kubernetes-validations:
                      - rule: self.size < 100
          - name: v1beta1
            served: false
            storage: false
            schema:
              openAPIV3Schema: {type: object}
      """;

  private static CrdSchemas load(Path dir) throws IOException {
    Files.writeString(dir.resolve("widget.yaml"), CRD);
    return CrdSchemas.load(dir);
  }

  private static ObjectNode widget(String spec) {
    return Kustomize.parse(
            "apiVersion: example.org/v1\nkind: Widget\nmetadata:\n  name: w\nspec: " + spec)
        .get(0);
  }

  @Test
  void aConformingResourcePasses(@TempDir Path dir) throws IOException {
    CrdSchemas s = load(dir);
    assertEquals(
        List.of(),
        s.validate(
            widget(
                "{size: 3, port: http, note: null, config: {any.key: 1},"
                    + " template: {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {x: 1}},"
                    + " mode: a}")));
    assertEquals(List.of(), s.validate(widget("{size: 3, port: 8080}")));
  }

  @Test
  void typesRequiredFieldsEnumsAndMinimaAreEnforced(@TempDir Path dir) throws IOException {
    CrdSchemas s = load(dir);
    assertFalse(s.validate(widget("{size: three}")).isEmpty());
    assertFalse(s.validate(widget("{port: 80}")).isEmpty(), "size is required");
    assertFalse(s.validate(widget("{size: 0}")).isEmpty(), "minimum 1");
    assertFalse(s.validate(widget("{size: 1, mode: c}")).isEmpty(), "enum");
    assertFalse(s.validate(widget("{size: 1, port: 1.5}")).isEmpty(), "int or string only");
  }

  @Test
  void unknownFieldsAreRejectedUnlessPreserved(@TempDir Path dir) throws IOException {
    CrdSchemas s = load(dir);
    assertTrue(
        s.validate(widget("{size: 1, colour: red}")).stream().anyMatch(e -> e.contains("colour")));
    assertTrue(s.validate(widget("{size: 1, config: {whatever: [1, 2]}}")).isEmpty());
    ObjectNode w = widget("{size: 1}");
    ((ObjectNode) w.get("metadata")).put("nmae", "x");
    assertTrue(s.validate(w).stream().anyMatch(e -> e.contains("nmae")));
    w = widget("{size: 1}");
    w.put("sepc", 1);
    assertTrue(s.validate(w).stream().anyMatch(e -> e.contains("sepc")));
  }

  @Test
  void onlyServedVersionsAreKnown(@TempDir Path dir) throws IOException {
    CrdSchemas s = load(dir);
    assertTrue(s.knows("example.org/v1", "Widget"));
    assertFalse(s.knows("example.org/v1beta1", "Widget"));
  }

  @Test
  void noCrdsIsAnErrorNotASkip(@TempDir Path dir) {
    assertThrows(IllegalStateException.class, () -> CrdSchemas.load(dir));
  }
}
