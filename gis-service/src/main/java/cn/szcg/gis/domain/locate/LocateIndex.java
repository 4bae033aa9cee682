package cn.szcg.gis.domain.locate;

import cn.szcg.contracts.events.Zone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The map in memory, answering {@code locate} without a database round trip: administrative areas,
 * unit grids with their dated zone history and components, each in a JTS {@link STRtree} (an R-tree
 * packed once: the layers are immutable and replaced as a whole when the map changes).
 *
 * <p>The rules are those of the SQL it replaces (and the SQL path stays as the reference: the tests
 * compare both answers byte for byte):
 *
 * <ul>
 *   <li>township / community: the first area of that level (by code) that intersects the point
 *       (boundary included); a point in no township and no community must lie in a county outline
 *       when one is loaded, else it is outside the county; a community without a township hit takes
 *       its parent as township;
 *   <li>grid: the first grid (by code) that intersects the point and is in force on the China day
 *       of {@code at} (effectiveFrom ≤ day ≤ effectiveTo); its zone is the history entry with
 *       validFrom ≤ at &lt; validTo, else {@code OTHER};
 *   <li>components: candidates within a degree box of the radius, the {@code 2 × limit} nearest in
 *       planar degrees (the KNN order of PostGIS), kept when the spheroid distance is within the
 *       radius, ordered by the distance rounded to 0.1 m, at most {@code limit}.
 * </ul>
 */
public final class LocateIndex {

  private LocateIndex() {}

  static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
  private static final double M_PER_DEG = 111_320.0;

  // ------------------------------------------------------------------ areas

  /** An administrative area; {@code level} COUNTY, TOWNSHIP or COMMUNITY. */
  public record Area(String code, String name, String level, String parentCode, Geometry geom) {}

  /** Where a point lies administratively. */
  public record Placement(
      boolean outOfCounty,
      String countyCode,
      String townshipCode,
      String townshipName,
      String communityCode,
      String communityName) {}

  /** The area layer. */
  public static final class Areas {
    private final long version;
    private final STRtree tree = new STRtree();
    private final List<PreparedArea> counties = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();

    private record PreparedArea(Area area, PreparedGeometry geom) {}

    public Areas(long version, List<Area> areas) {
      this.version = version;
      for (Area a : areas) {
        names.put(a.code(), a.name());
        PreparedArea p = new PreparedArea(a, PreparedGeometryFactory.prepare(a.geom()));
        if ("COUNTY".equals(a.level())) {
          counties.add(p);
        } else {
          tree.insert(a.geom().getEnvelopeInternal(), p);
        }
      }
      counties.sort(Comparator.comparing(p -> p.area().code()));
      tree.build();
    }

    public long version() {
      return version;
    }

    public int size() {
      return names.size();
    }

    @SuppressWarnings("unchecked")
    public Placement place(double lon, double lat) {
      Point pt = point(lon, lat);
      PreparedArea township = null;
      PreparedArea community = null;
      for (PreparedArea p : (List<PreparedArea>) tree.query(new Envelope(lon, lon, lat, lat))) {
        if (!p.geom().intersects(pt)) {
          continue;
        }
        if ("TOWNSHIP".equals(p.area().level())) {
          if (township == null || p.area().code().compareTo(township.area().code()) < 0) {
            township = p;
          }
        } else if (community == null || p.area().code().compareTo(community.area().code()) < 0) {
          community = p;
        }
      }
      String county = null;
      if (township == null && community == null) {
        for (PreparedArea c : counties) {
          if (c.geom().intersects(pt)) {
            county = c.area().code();
            break;
          }
        }
        if (!counties.isEmpty() && county == null) {
          return new Placement(true, null, null, null, null, null);
        }
      } else {
        county = (township != null ? township : community).area().code().substring(0, 6);
      }
      String townshipCode = township == null ? null : township.area().code();
      String townshipName = township == null ? null : township.area().name();
      if (townshipCode == null && community != null && community.area().parentCode() != null) {
        townshipCode = community.area().parentCode();
        townshipName = names.get(townshipCode);
      }
      return new Placement(
          false,
          county,
          townshipCode,
          townshipName,
          community == null ? null : community.area().code(),
          community == null ? null : community.area().name());
    }
  }

  // ------------------------------------------------------------------ grids

  /**
   * A zone history entry, instants in microseconds since the epoch (the database's precision);
   * {@code toMicros} {@link Long#MAX_VALUE} while in force.
   */
  public record ZoneSpan(Zone zone, long fromMicros, long toMicros) {}

  /** A unit grid with its validity (days, inclusive; {@code to} null = open) and zone history. */
  public record Grid(
      String code, Geometry geom, LocalDate from, LocalDate to, List<ZoneSpan> zones) {}

  /** The grid of a point at an instant; {@code code} null when the point is in no grid. */
  public record GridHit(String code, Zone zone) {}

  /** The grid layer. */
  public static final class Grids {
    private final long version;
    private final STRtree tree = new STRtree();
    private final int size;

    private record PreparedGrid(Grid grid, PreparedGeometry geom) {}

    public Grids(long version, List<Grid> grids) {
      this.version = version;
      for (Grid g : grids) {
        tree.insert(
            g.geom().getEnvelopeInternal(),
            new PreparedGrid(g, PreparedGeometryFactory.prepare(g.geom())));
      }
      tree.build();
      this.size = grids.size();
    }

    public long version() {
      return version;
    }

    public int size() {
      return size;
    }

    @SuppressWarnings("unchecked")
    public GridHit gridAt(double lon, double lat, Instant at, LocalDate day) {
      Point pt = null;
      Grid best = null;
      for (PreparedGrid p : (List<PreparedGrid>) tree.query(new Envelope(lon, lon, lat, lat))) {
        Grid g = p.grid();
        if (g.from().isAfter(day) || (g.to() != null && g.to().isBefore(day))) {
          continue;
        }
        if (best != null && g.code().compareTo(best.code()) >= 0) {
          continue;
        }
        if (pt == null) {
          pt = point(lon, lat);
        }
        if (p.geom().intersects(pt)) {
          best = g;
        }
      }
      if (best == null) {
        return new GridHit(null, Zone.OTHER);
      }
      long t = micros(at);
      for (ZoneSpan z : best.zones()) {
        if (z.fromMicros() <= t && t < z.toMicros()) {
          return new GridHit(best.code(), z.zone());
        }
      }
      return new GridHit(best.code(), Zone.OTHER);
    }
  }

  /**
   * An instant in microseconds, rounded as the PostgreSQL JDBC driver sends a timestamp (half a
   * microsecond and more rounds up).
   */
  public static long micros(Instant t) {
    long us = Math.multiplyExact(t.getEpochSecond(), 1_000_000L) + t.getNano() / 1000;
    return t.getNano() % 1000 >= 500 ? us + 1 : us;
  }

  // ------------------------------------------------------------------ components

  /**
   * A component as locate lists it. {@code geom} is the stored geometry (full precision, for
   * distances); {@code geoJson} the GeoJSON that is answered (7 decimals, as PostGIS writes it).
   */
  public record Component(
      String id,
      String classCode,
      String className,
      String name,
      String state,
      String department,
      String owner,
      String maintainer,
      String gridCode,
      Geometry geom,
      String geoJson) {}

  /** A component within the radius, distance rounded to 0.1 m. */
  public record Near(Component component, double distanceM) {}

  /** The component layer. */
  public static final class Components {
    private final long version;
    private final STRtree tree;
    private final int size;

    public Components(long version, List<Component> components) {
      this.version = version;
      this.tree = new STRtree();
      for (Component c : components) {
        tree.insert(c.geom().getEnvelopeInternal(), c);
      }
      tree.build();
      this.size = components.size();
    }

    public long version() {
      return version;
    }

    public int size() {
      return size;
    }

    @SuppressWarnings("unchecked")
    public List<Near> near(double lon, double lat, int radiusM, int limit) {
      if (limit <= 0) {
        return List.of();
      }
      double deg = radiusM / (M_PER_DEG * Math.cos(Math.toRadians(Math.abs(lat)))) * 1.01;
      Envelope box = new Envelope(lon - deg, lon + deg, lat - deg, lat + deg);
      record Cand(Component c, double planar) {}
      List<Cand> cands = new ArrayList<>();
      Point pt = null;
      for (Component c : (List<Component>) tree.query(box)) {
        double d;
        if (c.geom() instanceof Point p) {
          double dx = p.getX() - lon;
          double dy = p.getY() - lat;
          d = Math.sqrt(dx * dx + dy * dy);
        } else {
          if (pt == null) {
            pt = point(lon, lat);
          }
          d = c.geom().distance(pt);
        }
        if (d <= deg) {
          cands.add(new Cand(c, d));
        }
      }
      cands.sort(
          Comparator.comparingDouble(Cand::planar)
              .thenComparing(x -> x.c().id(), String::compareTo));
      List<Near> out = new ArrayList<>();
      int n = Math.min(cands.size(), limit * 2);
      for (int i = 0; i < n; i++) {
        Component c = cands.get(i).c();
        double d = Geodesy.distance(c.geom(), lon, lat);
        if (d <= radiusM) {
          out.add(new Near(c, Math.round(d * 10) / 10.0));
        }
      }
      out.sort(Comparator.comparingDouble(Near::distanceM));
      return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }
  }

  static Point point(double lon, double lat) {
    return GEOMETRY.createPoint(new Coordinate(lon, lat));
  }
}
