package cn.szcg.gis.domain.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * Distances as PostGIS 3.3 answers ST_Distance(geography) (reference values from PostGIS), within
 * 10 µm: locate rounds to 0.1 m.
 */
class GeodesyTest {

  private static Geometry wkt(String s) throws Exception {
    return new WKTReader().read(s);
  }

  @Test
  void pointToPointMatchesPostgis() {
    assertEquals(66.78630822, Geodesy.distance(118.8625, 26.2215, 118.8630, 26.2219), 1e-6);
    assertEquals(14917.17270785, Geodesy.distance(118.8625, 26.2215, 118.9625, 26.3215), 1e-6);
    assertEquals(0, Geodesy.distance(118.8625, 26.2215, 118.8625, 26.2215));
  }

  @Test
  void vincentysClassicExample() {
    // Flinders Peak → Buninyong (Vincenty 1975 / Geoscience Australia): 54,972.271 m
    double lat1 = -(37 + 57 / 60.0 + 3.72030 / 3600);
    double lon1 = 144 + 25 / 60.0 + 29.52440 / 3600;
    double lat2 = -(37 + 39 / 60.0 + 10.15610 / 3600);
    double lon2 = 143 + 55 / 60.0 + 35.38390 / 3600;
    assertEquals(54972.271, Geodesy.distance(lon1, lat1, lon2, lat2), 1e-3);
  }

  @Test
  void pointToLineAndPolygonMatchPostgis() throws Exception {
    assertEquals(
        48.72550043,
        Geodesy.distance(
            wkt("LINESTRING(118.8620 26.2219, 118.8632 26.2220, 118.8640 26.2210)"),
            118.8625,
            26.2215),
        1e-5); // PostGIS's nearest point on the edge differs by micrometres
    Geometry square =
        wkt(
            "POLYGON((118.8620 26.2210, 118.8630 26.2210, 118.8630 26.2220, 118.8620 26.2220,"
                + " 118.8620 26.2210))");
    assertEquals(0, Geodesy.distance(square, 118.8625, 26.2215));
    assertEquals(149.89382352, Geodesy.distance(square, 118.8605, 26.2215), 1e-5);
  }
}
