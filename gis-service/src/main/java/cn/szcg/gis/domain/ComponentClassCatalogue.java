package cn.szcg.gis.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The component class catalogue (部件分类目录, R-01): major classes 01–06 in the style of GB/T 30428.2 /
 * CJ/T 214 plus local extensions (07+), each with minor classes. Immutable.
 *
 * <p>Plain Java: it is read from its JSON file by {@code infra.ComponentClassesJson} (the shipped
 * catalogue: {@code ComponentClassesJson.loadDefault()}).
 */
public final class ComponentClassCatalogue {

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
