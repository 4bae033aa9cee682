package cn.szcg.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the core Kubernetes kinds the suite uses, strictly: each object is read into the typed
 * fabric8 Kubernetes model (a field of the wrong type fails), every field the model does not know
 * is an error (fabric8 would keep it quietly in {@code additionalProperties}; the API server with
 * {@code --validate=strict} rejects it), and the required fields and enumerations of the Kubernetes
 * API that the model does not enforce are checked by hand. Only the listed apiVersion/kind pairs
 * are accepted, so a removed API version (e.g. {@code policy/v1beta1}) fails.
 */
final class CoreKinds {
  static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.ofEntries(
          Map.entry("v1 Namespace", Namespace.class),
          Map.entry("v1 ConfigMap", ConfigMap.class),
          Map.entry("v1 Secret", Secret.class),
          Map.entry("v1 Service", Service.class),
          Map.entry("v1 ServiceAccount", ServiceAccount.class),
          Map.entry("apps/v1 Deployment", Deployment.class),
          Map.entry("networking.k8s.io/v1 Ingress", Ingress.class),
          Map.entry("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class),
          Map.entry("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class));

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private CoreKinds() {}

  static boolean knows(String apiVersion, String kind) {
    return KINDS.containsKey(apiVersion + " " + kind);
  }

  /** Problems of one core object; empty when it is valid. */
  static List<String> validate(JsonNode node) {
    String id = Kustomize.id(node);
    List<String> errors = new ArrayList<>();
    Class<? extends HasMetadata> type =
        KINDS.get(node.path("apiVersion").asText() + " " + node.path("kind").asText());
    if (type == null) {
      errors.add(id + ": unsupported apiVersion/kind " + node.path("apiVersion").asText());
      return errors;
    }
    HasMetadata object;
    try {
      object = MAPPER.treeToValue(node, type);
    } catch (Exception e) {
      errors.add(id + ": does not read as " + type.getSimpleName() + ": " + e.getMessage());
      return errors;
    }
    unknownFields(object, "", errors, new IdentityHashMap<>());
    metadata(object, errors);
    if (object instanceof Deployment d) {
      deployment(d, errors);
    } else if (object instanceof Service s) {
      service(s, errors);
    } else if (object instanceof Ingress i) {
      ingress(i, errors);
    } else if (object instanceof NetworkPolicy n) {
      networkPolicy(n, errors);
    } else if (object instanceof PodDisruptionBudget p) {
      pdb(p, errors);
    } else if (object instanceof HorizontalPodAutoscaler h) {
      hpa(h, errors);
    }
    List<String> prefixed = new ArrayList<>();
    for (String e : errors) {
      prefixed.add(e.startsWith(id + ":") ? e : id + ": " + e);
    }
    return prefixed;
  }

  /** Walks the typed object graph: any field left in additionalProperties is unknown. */
  private static void unknownFields(
      Object o, String path, List<String> errors, Map<Object, Boolean> seen) {
    if (o == null || seen.containsKey(o)) {
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object item : c) {
        unknownFields(item, path + "[" + i++ + "]", errors, seen);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        unknownFields(e.getValue(), path + "[" + e.getKey() + "]", errors, seen);
      }
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    seen.put(o, Boolean.TRUE);
    for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        Object value;
        try {
          f.setAccessible(true);
          value = f.get(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
          continue;
        }
        if ("additionalProperties".equals(f.getName())) {
          if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
            errors.add(
                "unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "." : path));
          }
          continue;
        }
        JsonProperty p = f.getAnnotation(JsonProperty.class);
        String name = p != null && !p.value().isEmpty() ? p.value() : f.getName();
        unknownFields(value, path + "." + name, errors, seen);
      }
    }
  }

  private static void metadata(HasMetadata o, List<String> errors) {
    if (o.getMetadata() == null || o.getMetadata().getName() == null) {
      errors.add("metadata.name is required");
      return;
    }
    String name = o.getMetadata().getName();
    Pattern p = o instanceof Service || o instanceof Namespace ? DNS1035_LABEL : DNS1123_SUBDOMAIN;
    if (!p.matcher(name).matches() || name.length() > 253) {
      errors.add("metadata.name '" + name + "' is not a valid name for " + o.getKind());
    }
    labels(o.getMetadata().getLabels(), "metadata.labels", errors);
  }

  private static void labels(Map<String, String> labels, String where, List<String> errors) {
    if (labels == null) {
      return;
    }
    labels.forEach(
        (k, v) -> {
          String name = k.contains("/") ? k.substring(k.indexOf('/') + 1) : k;
          if (name.isEmpty() || name.length() > 63 || !LABEL_VALUE.matcher(name).matches()) {
            errors.add(where + " key '" + k + "' is not a valid label key");
          }
          if (v == null || v.length() > 63 || !LABEL_VALUE.matcher(v).matches()) {
            errors.add(where + "[" + k + "] value '" + v + "' is not a valid label value");
          }
        });
  }

  private static void deployment(Deployment d, List<String> errors) {
    var spec = d.getSpec();
    if (spec == null || spec.getTemplate() == null || spec.getTemplate().getSpec() == null) {
      errors.add("spec.template.spec is required");
      return;
    }
    if (spec.getSelector() == null
        || spec.getSelector().getMatchLabels() == null
        || spec.getSelector().getMatchLabels().isEmpty()) {
      errors.add("spec.selector.matchLabels is required");
    } else {
      Map<String, String> podLabels =
          spec.getTemplate().getMetadata() == null
              ? Map.of()
              : Objects.requireNonNullElse(spec.getTemplate().getMetadata().getLabels(), Map.of());
      spec.getSelector()
          .getMatchLabels()
          .forEach(
              (k, v) -> {
                if (!v.equals(podLabels.get(k))) {
                  errors.add("selector " + k + "=" + v + " does not match the pod template labels");
                }
              });
      labels(podLabels, "spec.template.metadata.labels", errors);
    }
    if (spec.getReplicas() != null && spec.getReplicas() < 0) {
      errors.add("spec.replicas must not be negative");
    }
    podSpec(spec.getTemplate().getSpec(), errors);
  }

  private static void podSpec(PodSpec pod, List<String> errors) {
    if (pod.getContainers() == null || pod.getContainers().isEmpty()) {
      errors.add("spec.template.spec.containers must not be empty");
      return;
    }
    Set<String> volumes = new java.util.HashSet<>();
    for (Volume v : Objects.requireNonNullElse(pod.getVolumes(), List.<Volume>of())) {
      volumes.add(v.getName());
    }
    for (Container c : pod.getContainers()) {
      String where = "container " + c.getName();
      if (c.getName() == null || !DNS1123_LABEL.matcher(c.getName()).matches()) {
        errors.add("container name '" + c.getName() + "' is invalid");
      }
      if (c.getImage() == null || c.getImage().isBlank()) {
        errors.add(where + ": image is required");
      }
      oneOf(c.getImagePullPolicy(), Set.of("Always", "IfNotPresent", "Never"), where, errors);
      for (ContainerPort p : Objects.requireNonNullElse(c.getPorts(), List.<ContainerPort>of())) {
        if (p.getContainerPort() == null
            || p.getContainerPort() < 1
            || p.getContainerPort() > 65535) {
          errors.add(where + ": containerPort out of range: " + p.getContainerPort());
        }
        if (p.getName() != null
            && (p.getName().length() > 15 || !PORT_NAME.matcher(p.getName()).matches())) {
          errors.add(where + ": port name '" + p.getName() + "' is invalid");
        }
        oneOf(p.getProtocol(), Set.of("TCP", "UDP", "SCTP"), where, errors);
      }
      for (Probe probe :
          new Probe[] {c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe()}) {
        if (probe == null) {
          continue;
        }
        int handlers =
            (probe.getHttpGet() != null ? 1 : 0)
                + (probe.getTcpSocket() != null ? 1 : 0)
                + (probe.getExec() != null ? 1 : 0)
                + (probe.getGrpc() != null ? 1 : 0);
        if (handlers != 1) {
          errors.add(where + ": a probe needs exactly one handler, has " + handlers);
        }
        if (probe.getHttpGet() != null && probe.getHttpGet().getPort() == null) {
          errors.add(where + ": httpGet probe without port");
        }
      }
      for (VolumeMount m :
          Objects.requireNonNullElse(c.getVolumeMounts(), List.<VolumeMount>of())) {
        if (!volumes.contains(m.getName())) {
          errors.add(where + ": volumeMount " + m.getName() + " has no volume");
        }
      }
      resources(c.getResources(), where, errors);
    }
  }

  private static void resources(ResourceRequirements r, String where, List<String> errors) {
    if (r == null) {
      return;
    }
    Map<String, Quantity> requests = Objects.requireNonNullElse(r.getRequests(), Map.of());
    Map<String, Quantity> limits = Objects.requireNonNullElse(r.getLimits(), Map.of());
    for (var e : requests.entrySet()) {
      BigDecimal req = amount(e.getValue(), where, errors);
      Quantity lim = limits.get(e.getKey());
      if (req != null && lim != null) {
        BigDecimal l = amount(lim, where, errors);
        if (l != null && req.compareTo(l) > 0) {
          errors.add(where + ": request " + e.getKey() + " exceeds its limit");
        }
      }
    }
    limits.values().forEach(q -> amount(q, where, errors));
  }

  private static BigDecimal amount(Quantity q, String where, List<String> errors) {
    try {
      return q.getNumericalAmount();
    } catch (RuntimeException e) {
      errors.add(where + ": invalid quantity '" + q + "'");
      return null;
    }
  }

  private static void service(Service s, List<String> errors) {
    var spec = s.getSpec();
    if (spec == null || spec.getPorts() == null || spec.getPorts().isEmpty()) {
      errors.add("spec.ports must not be empty");
      return;
    }
    oneOf(
        spec.getType(),
        Set.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName"),
        "spec.type",
        errors);
    for (ServicePort p : spec.getPorts()) {
      if (p.getPort() == null || p.getPort() < 1 || p.getPort() > 65535) {
        errors.add("service port out of range: " + p.getPort());
      }
      oneOf(p.getProtocol(), Set.of("TCP", "UDP", "SCTP"), "service port", errors);
      if (spec.getPorts().size() > 1 && p.getName() == null) {
        errors.add("every port of a multi-port Service needs a name");
      }
    }
  }

  private static void ingress(Ingress i, List<String> errors) {
    if (i.getSpec() == null || i.getSpec().getRules() == null) {
      errors.add("spec.rules is required");
      return;
    }
    for (IngressRule rule : i.getSpec().getRules()) {
      if (rule.getHttp() == null || rule.getHttp().getPaths() == null) {
        errors.add("rule " + rule.getHost() + " has no http paths");
        continue;
      }
      for (HTTPIngressPath p : rule.getHttp().getPaths()) {
        if (p.getPathType() == null) {
          errors.add("path " + p.getPath() + ": pathType is required");
        }
        oneOf(
            p.getPathType(),
            Set.of("Exact", "Prefix", "ImplementationSpecific"),
            "pathType",
            errors);
        var svc = p.getBackend() == null ? null : p.getBackend().getService();
        if (svc == null || svc.getName() == null || svc.getPort() == null) {
          errors.add("path " + p.getPath() + ": backend service name and port are required");
        } else if ((svc.getPort().getName() == null) == (svc.getPort().getNumber() == null)) {
          errors.add("path " + p.getPath() + ": backend port needs exactly one of name, number");
        }
      }
    }
  }

  private static void networkPolicy(NetworkPolicy n, List<String> errors) {
    if (n.getSpec() == null || n.getSpec().getPodSelector() == null) {
      errors.add("spec.podSelector is required (use {} for all pods)");
      return;
    }
    for (String t : Objects.requireNonNullElse(n.getSpec().getPolicyTypes(), List.<String>of())) {
      oneOf(t, Set.of("Ingress", "Egress"), "policyTypes", errors);
    }
    List<NetworkPolicyPort> ports = new ArrayList<>();
    Objects.requireNonNullElse(
            n.getSpec().getIngress(),
            List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of())
        .forEach(r -> ports.addAll(Objects.requireNonNullElse(r.getPorts(), List.of())));
    Objects.requireNonNullElse(
            n.getSpec().getEgress(),
            List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule>of())
        .forEach(r -> ports.addAll(Objects.requireNonNullElse(r.getPorts(), List.of())));
    for (NetworkPolicyPort p : ports) {
      oneOf(p.getProtocol(), Set.of("TCP", "UDP", "SCTP"), "networkPolicy port", errors);
    }
    // ipBlock: the API server rejects a cidr (or except) that is no CIDR block
    List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> peers = new ArrayList<>();
    Objects.requireNonNullElse(
            n.getSpec().getIngress(),
            List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of())
        .forEach(r -> peers.addAll(Objects.requireNonNullElse(r.getFrom(), List.of())));
    Objects.requireNonNullElse(
            n.getSpec().getEgress(),
            List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule>of())
        .forEach(r -> peers.addAll(Objects.requireNonNullElse(r.getTo(), List.of())));
    for (var peer : peers) {
      var block = peer.getIpBlock();
      if (block == null) {
        continue;
      }
      if (Cidr.parse(block.getCidr()).isEmpty()) {
        errors.add("ipBlock.cidr '" + block.getCidr() + "' is not a CIDR block");
      }
      for (String x : Objects.requireNonNullElse(block.getExcept(), List.<String>of())) {
        if (Cidr.parse(x).isEmpty()) {
          errors.add("ipBlock.except '" + x + "' is not a CIDR block");
        }
      }
    }
  }

  private static void pdb(PodDisruptionBudget p, List<String> errors) {
    if (p.getSpec() == null || p.getSpec().getSelector() == null) {
      errors.add("spec.selector is required");
      return;
    }
    IntOrString min = p.getSpec().getMinAvailable();
    IntOrString max = p.getSpec().getMaxUnavailable();
    if ((min == null) == (max == null)) {
      errors.add("exactly one of spec.minAvailable and spec.maxUnavailable must be set");
    }
  }

  private static void hpa(HorizontalPodAutoscaler h, List<String> errors) {
    var spec = h.getSpec();
    if (spec == null || spec.getScaleTargetRef() == null || spec.getMaxReplicas() == null) {
      errors.add("spec.scaleTargetRef and spec.maxReplicas are required");
      return;
    }
    var ref = spec.getScaleTargetRef();
    if (ref.getKind() == null || ref.getName() == null) {
      errors.add("spec.scaleTargetRef needs kind and name");
    }
    int min = spec.getMinReplicas() == null ? 1 : spec.getMinReplicas();
    if (min < 1 || spec.getMaxReplicas() < min) {
      errors.add("replicas: need 1 <= minReplicas <= maxReplicas");
    }
    for (var m :
        Objects.requireNonNullElse(
            spec.getMetrics(),
            List.<io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec>of())) {
      oneOf(
          m.getType(),
          Set.of("Resource", "Pods", "Object", "External", "ContainerResource"),
          "metric type",
          errors);
    }
  }

  private static void oneOf(String value, Set<String> allowed, String where, List<String> errors) {
    if (value != null && !allowed.contains(value)) {
      errors.add(where + ": '" + value + "' is not one of " + allowed);
    }
  }
}
