package cn.szcg.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The map's optional online base layer: none without a URL, its origin for the CSP, its CRS. */
class BaseLayerTest {

  static final String GAODE =
      "https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}";
  static final String TIANDITU =
      "https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec"
          + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY";

  @Test
  void noUrlNoBaseLayer() {
    assertTrue(BaseLayer.of(null, "gaode", null).isEmpty());
    assertTrue(BaseLayer.of(" ", "tianditu", null).isEmpty());
  }

  @Test
  void gaodeIsGcj02AndTiandituWgs84() {
    BaseLayer g = BaseLayer.of(GAODE, "GAODE", "© 高德").orElseThrow();
    assertEquals("gaode", g.type());
    assertEquals("GCJ02", g.crs());
    assertEquals("https://webrd01.is.autonavi.com", g.origin());
    assertEquals(GAODE, g.json().getString("url"));
    BaseLayer t = BaseLayer.of(TIANDITU, null, null).orElseThrow();
    assertEquals("tianditu", t.type());
    assertEquals("WGS84", t.json().getString("crs"));
    assertEquals("https://t0.tianditu.gov.cn", t.origin());
  }

  @Test
  void aBadTypeOrUrlStopsTheStart() {
    assertThrows(IllegalArgumentException.class, () -> BaseLayer.of(GAODE, "baidu", null));
    assertThrows(IllegalArgumentException.class, () -> BaseLayer.of("ftp://x/{z}", "gaode", null));
  }
}
