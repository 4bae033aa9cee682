package cn.szcg.gis.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The component class catalogue (部件分类目录, R-01): major classes 01–06 in the style of GB/T 30428.2 /
 * CJ/T 214 plus local extensions (07+), each with minor classes. Immutable.
 *
 * <p>JSON format (see {@code demo/component-classes.json}):
 *
 * <pre>
 * {"version": "2026.1", "majors": [{"code": "01", "nameZh": "公用设施", "nameEn": "...",
 *   "local": false, "classes": [{"code": "0101", "nameZh": "上水井盖", "nameEn": "...",
 *   "geometry": "POINT"}, ...]}, ...]}
 * </pre>
 */
public final class ComponentClassCatalogue {

  /** Classpath location of the default catalogue. */
  public static final String DEFAULT_RESOURCE = "/demo/component-classes.json";

  private static volatile ComponentClassCatalogue defaultCatalogue;

  private final String version;
  private final List<MajorClass> majors;
  private final Map<String, MajorClass> majorsByCode;
  private final Map<String, ComponentClass> classesByCode;

  public ComponentClassCatalogue(String version, List<MajorClass> majors) {
    this.version = version;
    this.majors = List.copyOf(majors);
    Map<String, MajorClass> m = new LinkedHashMap<>();
    Map<String, ComponentClass> c = new LinkedHashMap<>();
    for (MajorClass major : majors) {
      if (m.put(major.code(), major) != null) {
        throw new IllegalArgumentException(
            "部件大类代码重复 " + major.code() + " / duplicate major class " + major.code());
      }
      for (ComponentClass cls : major.classes()) {
        if (!cls.majorCode().equals(major.code())) {
          throw new IllegalArgumentException(
              "小类"
                  + cls.code()
                  + "不属于大类"
                  + major.code()
                  + " / class "
                  + cls.code()
                  + " listed under major "
                  + major.code());
        }
        if (c.put(cls.code(), cls) != null) {
          throw new IllegalArgumentException(
              "部件类别代码重复 " + cls.code() + " / duplicate class " + cls.code());
        }
      }
    }
    this.majorsByCode = Collections.unmodifiableMap(m);
    this.classesByCode = Collections.unmodifiableMap(c);
  }

  /** The catalogue shipped in {@value #DEFAULT_RESOURCE} (loaded once). */
  public static ComponentClassCatalogue loadDefault() {
    ComponentClassCatalogue c = defaultCatalogue;
    if (c == null) {
      try (InputStream in = ComponentClassCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
        }
        c = fromJson(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      defaultCatalogue = c;
    }
    return c;
  }

  public static ComponentClassCatalogue fromJson(InputStream in) throws IOException {
    return fromJson(new ObjectMapper().readTree(in));
  }

  public static ComponentClassCatalogue fromJson(JsonNode root) {
    List<MajorClass> majors = new ArrayList<>();
    for (JsonNode mj : root.path("majors")) {
      List<ComponentClass> classes = new ArrayList<>();
      for (JsonNode cl : mj.path("classes")) {
        classes.add(
            new ComponentClass(
                cl.path("code").asText(),
                cl.path("nameZh").asText(),
                cl.path("nameEn").asText(),
                GeometryKind.valueOf(cl.path("geometry").asText("POINT"))));
      }
      majors.add(
          new MajorClass(
              mj.path("code").asText(),
              mj.path("nameZh").asText(),
              mj.path("nameEn").asText(),
              mj.path("local").asBoolean(false),
              classes));
    }
    return new ComponentClassCatalogue(root.path("version").asText(""), majors);
  }

  public String version() {
    return version;
  }

  public List<MajorClass> majors() {
    return majors;
  }

  /** All minor classes in catalogue order. */
  public List<ComponentClass> classes() {
    return List.copyOf(classesByCode.values());
  }

  public Optional<MajorClass> major(String majorCode) {
    return Optional.ofNullable(majorsByCode.get(majorCode));
  }

  /** The minor class with this 4-digit code, if catalogued. */
  public Optional<ComponentClass> find(String classCode) {
    return Optional.ofNullable(classesByCode.get(classCode));
  }

  public boolean contains(String classCode) {
    return classesByCode.containsKey(classCode);
  }

  /**
   * The class of a component id; throws {@link CodeFormatException} if its class is not catalogued.
   */
  public ComponentClass require(ComponentId id) {
    ComponentClass c = classesByCode.get(id.classCode());
    if (c == null) {
      if (!majorsByCode.containsKey(id.majorCode())) {
        throw new CodeFormatException(
            "部件大类代码" + id.majorCode() + "不在分类目录中",
            "major class " + id.majorCode() + " is not catalogued");
      }
      throw new CodeFormatException(
          "部件小类代码" + id.classCode() + "不在分类目录中", "class " + id.classCode() + " is not catalogued");
    }
    return c;
  }
}
