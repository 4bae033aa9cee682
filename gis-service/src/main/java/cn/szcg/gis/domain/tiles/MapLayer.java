package cn.szcg.gis.domain.tiles;

import java.util.List;

/**
 * The layers of the county map's vector tiles (gis-service {@code /api/v1/tiles/{z}/{x}/{y}.mvt}),
 * each from a minimum zoom. Minqing (≈ 1,470 km², lon 118.3–119.2 E) fills a browser window at zoom
 * ≈ 10, so every layer is in the tiles from zoom 8 on — the whole county with all its components is
 * one to four tiles — and the townships from zoom 0. Names are the MVT layer names the console
 * styles.
 */
public enum MapLayer {
  /** 乡镇: code, name. */
  TOWNSHIPS("townships", 0),
  /** 社区（村）: code, name, parentCode. */
  COMMUNITIES("communities", 8),
  /** 单元网格 in force today: code, zone (URBAN/FRINGE/OTHER, in force now; ). */
  GRIDS("grids", 8),
  /** 部件: id, classCode, majorClass, state. */
  COMPONENTS("components", 8),
  /** 地下管线: id, type. */
  PIPES("pipes", 8),
  /** 视频监控: id, name. */
  CAMERAS("cameras", 8);

  /**
   * Below this zoom a component's line or polygon is drawn as one point on it: a street-tree row or
   * a green space smaller than the tile's grid would otherwise vanish from the county view
   * (ST_AsMVTGeom drops collapsed geometry), and a point is what a few pixels can show.
   */
  public static final int COMPONENT_SHAPES_FROM_ZOOM = 14;

  private final String layerName;
  private final int minZoom;

  MapLayer(String layerName, int minZoom) {
    this.layerName = layerName;
    this.minZoom = minZoom;
  }

  public String layerName() {
    return layerName;
  }

  public int minZoom() {
    return minZoom;
  }

  /** The layers a tile at zoom {@code z} carries, in drawing order (areas first). */
  public static List<MapLayer> at(int z) {
    return java.util.Arrays.stream(values()).filter(l -> z >= l.minZoom).toList();
  }
}
