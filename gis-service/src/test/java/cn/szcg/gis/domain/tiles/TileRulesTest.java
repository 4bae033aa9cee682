package cn.szcg.gis.domain.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.domain.BoundingBox;
import cn.szcg.gis.domain.Gcj02;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tile addresses, layer zooms and the per-tile GCJ-02 map (docs/gis.md §13). */
class TileRulesTest {

  @Test
  void tileAddressesAreBoundedByTheirZoom() {
    new TileCoord(0, 0, 0);
    new TileCoord(22, (1 << 22) - 1, (1 << 22) - 1);
    assertThrows(IllegalArgumentException.class, () -> new TileCoord(23, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new TileCoord(-1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new TileCoord(3, 8, 0));
    assertThrows(IllegalArgumentException.class, () -> new TileCoord(3, 0, -1));
  }

  @Test
  void boundsAreTheInverseWebMercatorOfTheCorners() {
    BoundingBox world = new TileCoord(0, 0, 0).bounds();
    assertEquals(-180, world.minLon(), 1e-9);
    assertEquals(85.0511287798, world.maxLat(), 1e-9);
    // the county seat (118.8625, 26.2215) lies in 14/13601/6954
    TileCoord seat = new TileCoord(14, 13601, 6954);
    assertTrue(seat.bounds().contains(118.8625, 26.2215));
    assertTrue(seat.intersects(BoundingBox.MINQING));
    assertFalse(new TileCoord(14, 0, 0).intersects(BoundingBox.MINQING));
  }

  @Test
  void townshipsFromZoomZeroEverythingFromZoomEight() {
    assertEquals(List.of(MapLayer.TOWNSHIPS), MapLayer.at(7));
    assertEquals(List.of(MapLayer.values()), MapLayer.at(8));
    assertEquals("components", MapLayer.COMPONENTS.layerName());
  }

  @Test
  void theAffineGcj02MapStaysWithinAPixelOverEveryTileOfMinqing() {
    // 512-pixel tiles (MapLibre's default); sample a 9 × 9 lattice of every tile at zooms 8–18
    // along a diagonal through the county
    for (int z = 8; z <= 18; z++) {
      for (double f = 0; f <= 1.0; f += 0.25) {
        double lon = 118.3 + 0.9 * f;
        double lat = 25.9 + 0.7 * f;
        double n = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double r = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        BoundingBox b = new TileCoord(z, x, y).bounds();
        Gcj02Affine a = Gcj02Affine.over(b);
        double pixelDeg = (b.maxLon() - b.minLon()) / 512;
        for (int i = 0; i <= 8; i++) {
          for (int j = 0; j <= 8; j++) {
            double pLon = b.minLon() + (b.maxLon() - b.minLon()) * i / 8;
            double pLat = b.minLat() + (b.maxLat() - b.minLat()) * j / 8;
            double[] exact = Gcj02.fromWgs84(pLon, pLat);
            double[] approx = a.apply(pLon, pLat);
            double err = Math.max(Math.abs(exact[0] - approx[0]), Math.abs(exact[1] - approx[1]));
            assertTrue(err < pixelDeg, "z" + z + " error " + err / pixelDeg + " px");
          }
        }
      }
    }
  }

  @Test
  void theAffineMapIsExactAtTheTileCentre() {
    BoundingBox b = new TileCoord(14, 13601, 6954).bounds();
    double cx = (b.minLon() + b.maxLon()) / 2;
    double cy = (b.minLat() + b.maxLat()) / 2;
    double[] exact = Gcj02.fromWgs84(cx, cy);
    double[] approx = Gcj02Affine.over(b).apply(cx, cy);
    assertEquals(exact[0], approx[0], 1e-9);
    assertEquals(exact[1], approx[1], 1e-9);
    // ≈ 590 m shift at the county seat: the map is not the identity
    assertTrue(Math.abs(approx[0] - cx) > 0.004);
  }
}
