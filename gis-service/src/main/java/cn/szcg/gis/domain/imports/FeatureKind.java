package cn.szcg.gis.domain.imports;

import java.util.Locale;

/** The kinds of GeoJSON import (导入要素类型), one FeatureCollection per kind. */
public enum FeatureKind {
  /** 行政区域: county, township, community polygons with statistical codes. */
  AREA("行政区域", "areas"),
  /** 万米单元网格: unit grid polygons with grid code, zone and effective date. */
  GRID("单元网格", "grids"),
  /** 部件: components with id, class, state, owner and maintainer. */
  COMPONENT("部件", "components"),
  /** 地下管网: underground pipes and cables. */
  PIPE("地下管线", "pipes"),
  /** 视频监控: cameras with an optional view polygon. */
  CAMERA("视频监控点", "cameras");

  private final String nameZh;
  private final String plural;

  FeatureKind(String nameZh, String plural) {
    this.nameZh = nameZh;
    this.plural = plural;
  }

  public String nameZh() {
    return nameZh;
  }

  /** Lower-case plural, used in file names ({@code components.geojson}) and URL paths. */
  public String plural() {
    return plural;
  }

  /** Accepts the constant name or the plural in any case ("component", "COMPONENTS"). */
  public static FeatureKind parse(String text) {
    if (text != null) {
      String t = text.trim().toUpperCase(Locale.ROOT);
      for (FeatureKind k : values()) {
        if (k.name().equals(t) || k.plural.toUpperCase(Locale.ROOT).equals(t)) {
          return k;
        }
      }
    }
    throw new IllegalArgumentException(
        "未知的导入类型 "
            + text
            + " / unknown import kind "
            + text
            + " (area, grid, component, pipe, camera)");
  }
}
