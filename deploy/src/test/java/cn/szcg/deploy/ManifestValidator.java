package cn.szcg.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Schema validation of rendered objects: custom resources against their operator's CRD, core kinds
 * against the typed Kubernetes model. An object of any other kind is an error (nothing goes to the
 * cluster unvalidated), and so is a duplicate kind/namespace/name.
 */
final class ManifestValidator {
  private final CrdSchemas crds;

  ManifestValidator(CrdSchemas crds) {
    this.crds = crds;
  }

  List<String> validate(List<? extends JsonNode> objects) {
    List<String> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode o : objects) {
      String apiVersion = o.path("apiVersion").asText();
      String kind = o.path("kind").asText();
      String key =
          apiVersion
              + "/"
              + kind
              + "/"
              + o.path("metadata").path("namespace").asText()
              + "/"
              + o.path("metadata").path("name").asText();
      if (!seen.add(key)) {
        errors.add(Kustomize.id(o) + ": defined twice");
      }
      if (crds.knows(apiVersion, kind)) {
        errors.addAll(crds.validate(o));
      } else if (CoreKinds.knows(apiVersion, kind)) {
        errors.addAll(CoreKinds.validate(o));
      } else {
        errors.add(
            Kustomize.id(o)
                + ": "
                + apiVersion
                + " "
                + kind
                + " is neither a validated core kind "
                + CoreKinds.KINDS.keySet()
                + " nor a served version of a known CRD");
      }
    }
    return errors;
  }
}
