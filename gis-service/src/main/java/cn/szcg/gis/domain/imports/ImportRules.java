package cn.szcg.gis.domain.imports;

import cn.szcg.gis.domain.BoundingBox;
import cn.szcg.gis.domain.ComponentClassCatalogue;
import java.util.Objects;

/**
 * Configuration of {@link ImportValidator}.
 *
 * @param bbox every coordinate must lie inside (default {@link BoundingBox#MINQING})
 * @param countyCode 6-digit code every area, grid and component id must start with (350124)
 * @param catalogue component classes that component ids and class codes must be in
 * @param geometryCheck deep validity hook (default {@link GeometryCheck#NONE})
 */
public record ImportRules(
    BoundingBox bbox,
    String countyCode,
    ComponentClassCatalogue catalogue,
    GeometryCheck geometryCheck) {

  public static final String MINQING_COUNTY_CODE = "350124";

  public ImportRules {
    Objects.requireNonNull(bbox, "bbox");
    Objects.requireNonNull(countyCode, "countyCode");
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(geometryCheck, "geometryCheck");
  }

  /**
   * Minqing bbox, county 350124, the given component class catalogue (the shipped one: {@code
   * infra.ComponentClassesJson.loadDefault()}), no deep geometry check.
   */
  public static ImportRules minqing(ComponentClassCatalogue catalogue) {
    return new ImportRules(BoundingBox.MINQING, MINQING_COUNTY_CODE, catalogue, GeometryCheck.NONE);
  }

  public ImportRules withBbox(BoundingBox b) {
    return new ImportRules(b, countyCode, catalogue, geometryCheck);
  }

  public ImportRules withCountyCode(String c) {
    return new ImportRules(bbox, c, catalogue, geometryCheck);
  }

  public ImportRules withCatalogue(ComponentClassCatalogue c) {
    return new ImportRules(bbox, countyCode, c, geometryCheck);
  }

  public ImportRules withGeometryCheck(GeometryCheck g) {
    return new ImportRules(bbox, countyCode, catalogue, g);
  }
}
