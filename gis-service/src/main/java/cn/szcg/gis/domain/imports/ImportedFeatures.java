package cn.szcg.gis.domain.imports;

import cn.szcg.contracts.events.Zone;
import cn.szcg.gis.domain.AreaCode;
import cn.szcg.gis.domain.AreaLevel;
import cn.szcg.gis.domain.ComponentId;
import cn.szcg.gis.domain.ComponentState;
import cn.szcg.gis.domain.GridCode;
import cn.szcg.gis.domain.PipeType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Typed views of features accepted by {@link ImportValidator}, ready to map onto tables. Each
 * record keeps the GeoJSON {@code geometry} (WGS84) and the raw {@code properties} (for extra
 * attributes, e.g. a jsonb column). Call these only on accepted features: they rely on the
 * validator's checks and throw {@link IllegalArgumentException} on anything else.
 */
public final class ImportedFeatures {

  private ImportedFeatures() {}

  /** 行政区域. */
  public record Area(
      AreaCode code, String name, AreaLevel level, JsonNode geometry, JsonNode properties) {}

  /** 万米单元网格; {@code effectiveTo} may be null. */
  public record Grid(
      GridCode code,
      Zone zone,
      LocalDate effectiveFrom,
      LocalDate effectiveTo,
      JsonNode geometry,
      JsonNode properties) {}

  /** 部件; {@code gridCode} and {@code updatedOn} may be null. */
  public record Component(
      ComponentId id,
      String classCode,
      String name,
      ComponentState state,
      String department,
      String owner,
      String maintainer,
      GridCode gridCode,
      String dataSource,
      LocalDate surveyDate,
      LocalDate updatedOn,
      JsonNode geometry,
      JsonNode properties) {}

  /** 地下管线; {@code diameterMm} and {@code material} may be null. */
  public record Pipe(
      String id,
      PipeType type,
      String owner,
      double depthM,
      Double diameterMm,
      String material,
      JsonNode geometry,
      JsonNode properties) {}

  /** 视频监控点; {@code name}, {@code gridCode} and {@code view} may be null. */
  public record Camera(
      String id,
      String name,
      GridCode gridCode,
      JsonNode view,
      JsonNode geometry,
      JsonNode properties) {}

  public static Area area(AcceptedFeature f) {
    AreaCode code = AreaCode.parse(f.id());
    return new Area(code, text(f, "name"), code.level(), f.geometry(), f.properties());
  }

  public static Grid grid(AcceptedFeature f) {
    Zone zone = ImportValidator.parseZone(text(f, "zone"));
    if (zone == null) {
      throw new IllegalArgumentException("zone " + text(f, "zone"));
    }
    return new Grid(
        GridCode.parse(f.id()),
        zone,
        date(text(f, "effectiveFrom")),
        date(text(f, "effectiveTo")),
        f.geometry(),
        f.properties());
  }

  public static Component component(AcceptedFeature f) {
    String grid = text(f, "gridCode");
    return new Component(
        ComponentId.parse(f.id()),
        text(f, "classCode"),
        text(f, "name"),
        ComponentState.parse(text(f, "state")),
        text(f, "department"),
        text(f, "owner"),
        text(f, "maintainer"),
        grid == null ? null : GridCode.parse(grid),
        text(f, "dataSource"),
        date(text(f, "surveyDate")),
        date(text(f, "updatedOn")),
        f.geometry(),
        f.properties());
  }

  public static Pipe pipe(AcceptedFeature f) {
    JsonNode d = f.properties().get("diameterMm");
    return new Pipe(
        f.id(),
        PipeType.parse(text(f, "type")),
        text(f, "owner"),
        f.properties().get("depthM").asDouble(),
        d == null || d.isNull() ? null : d.asDouble(),
        text(f, "material"),
        f.geometry(),
        f.properties());
  }

  public static Camera camera(AcceptedFeature f) {
    String grid = text(f, "gridCode");
    JsonNode view = f.properties().get("view");
    return new Camera(
        f.id(),
        text(f, "name"),
        grid == null ? null : GridCode.parse(grid),
        view == null || view.isNull() ? null : view,
        f.geometry(),
        f.properties());
  }

  private static String text(AcceptedFeature f, String field) {
    JsonNode v = f.properties() == null ? null : f.properties().get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.asText().trim();
    return s.isEmpty() ? null : s;
  }

  private static LocalDate date(String s) {
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(s).toLocalDate();
    }
  }
}
