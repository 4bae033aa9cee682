package cn.szcg.gis.infra;

import cn.szcg.gis.domain.ComponentClass;
import cn.szcg.gis.domain.ComponentClassCatalogue;
import cn.szcg.gis.domain.GeometryKind;
import cn.szcg.gis.domain.MajorClass;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the component class catalogue (部件分类目录, R-01) from its JSON file — the loader that left
 * {@code domain/} (issue 20: the domain does no I/O).
 *
 * <p>JSON format (see {@code demo/component-classes.json}):
 *
 * <pre>
 * {"version": "2026.1", "majors": [{"code": "01", "nameZh": "公用设施", "nameEn": "...",
 *   "local": false, "classes": [{"code": "0101", "nameZh": "上水井盖", "nameEn": "...",
 *   "geometry": "POINT"}, ...]}, ...]}
 * </pre>
 */
public final class ComponentClassesJson {

  /** Classpath location of the default catalogue. */
  public static final String DEFAULT_RESOURCE = "/demo/component-classes.json";

  private static volatile ComponentClassCatalogue defaultCatalogue;

  /** The catalogue shipped in {@value #DEFAULT_RESOURCE} (loaded once). */
  public static ComponentClassCatalogue loadDefault() {
    ComponentClassCatalogue c = defaultCatalogue;
    if (c == null) {
      try (InputStream in = ComponentClassesJson.class.getResourceAsStream(DEFAULT_RESOURCE)) {
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

  private ComponentClassesJson() {}
}
