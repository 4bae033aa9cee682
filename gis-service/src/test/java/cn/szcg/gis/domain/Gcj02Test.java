package cn.szcg.gis.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.GeoPoint;
import org.junit.jupiter.api.Test;

/** WGS84 ⇄ GCJ-02 (火星坐标). */
class Gcj02Test {

  @Test
  void matchesThePublishedPairOfTheCoordtransformLibrary() {
    // wandergis/coordtransform test/app.js: wgs84togcj02(116.404, 39.915)
    double[] g = Gcj02.fromWgs84(116.404, 39.915);
    assertEquals(116.41024449916938, g[0], 1e-12);
    assertEquals(39.91640428150164, g[1], 1e-12);
  }

  @Test
  void matchesAnIndependentComputationAtTheMinqingCountySeat() {
    // computed with a separate Python implementation of the same published formula
    GeoPoint g = Gcj02.fromWgs84(new GeoPoint(118.86, 26.22));
    assertEquals(118.86458227569985, g.lon(), 1e-12);
    assertEquals(26.216613430152066, g.lat(), 1e-12);
    double[] sh = Gcj02.fromWgs84(121.5272106, 31.1774276);
    assertEquals(121.531541859215, sh[0], 1e-12);
    assertEquals(31.17530398364597, sh[1], 1e-12);
  }

  @Test
  void theOffsetInMinqingIsSeveralHundredMetres() {
    GeoPoint w = new GeoPoint(118.86, 26.22);
    GeoPoint g = Gcj02.fromWgs84(w);
    double dx = (g.lon() - w.lon()) * 111_320 * Math.cos(Math.toRadians(26.22));
    double dy = (g.lat() - w.lat()) * 110_574;
    double metres = Math.hypot(dx, dy);
    assertTrue(metres > 200 && metres < 900, "offset " + metres + " m");
  }

  @Test
  void inverseOfForwardReturnsThePointAcrossChina() {
    for (double lon = 73.5; lon < 135; lon += 1.7) {
      for (double lat = 18.3; lat < 53.5; lat += 1.3) {
        double[] g = Gcj02.fromWgs84(lon, lat);
        double[] w = Gcj02.toWgs84(g[0], g[1]);
        assertEquals(lon, w[0], 1e-7, "lon at " + lon + "," + lat);
        assertEquals(lat, w[1], 1e-7, "lat at " + lon + "," + lat);
      }
    }
  }

  @Test
  void inverseRoundTripsInsideMinqingToBetterThanAMicroDegree() {
    for (double lon = 118.3; lon <= 119.2; lon += 0.05) {
      for (double lat = 25.9; lat <= 26.6; lat += 0.05) {
        GeoPoint p = new GeoPoint(lon, lat);
        GeoPoint back = Gcj02.toWgs84(Gcj02.fromWgs84(p));
        assertEquals(p.lon(), back.lon(), 1e-6);
        assertEquals(p.lat(), back.lat(), 1e-6);
        // and the other way: forward of the inverse lands on the GCJ-02 input
        double[] fwd = Gcj02.fromWgs84(Gcj02.toWgs84(lon, lat)[0], Gcj02.toWgs84(lon, lat)[1]);
        assertEquals(lon, fwd[0], 1e-8);
        assertEquals(lat, fwd[1], 1e-8);
      }
    }
  }

  @Test
  void theInverseIsNotTheCrudeOneStepApproximation() {
    // coordtransform's one-step gcj02towgs84(116.404, 39.915) = 116.39775550083061,
    // 39.91359571849836
    double[] w = Gcj02.toWgs84(116.404, 39.915);
    double[] back = Gcj02.fromWgs84(w[0], w[1]);
    assertEquals(116.404, back[0], 1e-8);
    assertEquals(39.915, back[1], 1e-8);
    assertEquals(116.39775550083061, w[0], 1e-4, "close to the one-step value");
    double[] crudeBack = Gcj02.fromWgs84(116.39775550083061, 39.91359571849836);
    assertTrue(Math.abs(crudeBack[0] - 116.404) > Math.abs(back[0] - 116.404));
  }

  @Test
  void noOffsetOutsideChina() {
    assertTrue(Gcj02.outOfChina(2.35, 48.85));
    double[] paris = Gcj02.fromWgs84(2.35, 48.85);
    assertEquals(2.35, paris[0], 0);
    assertEquals(48.85, paris[1], 0);
    double[] back = Gcj02.toWgs84(2.35, 48.85);
    assertEquals(2.35, back[0], 0);
    assertEquals(48.85, back[1], 0);
    double[] sydney = Gcj02.fromWgs84(151.2, -33.87);
    assertEquals(151.2, sydney[0], 0);
  }
}
