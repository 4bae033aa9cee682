package cn.szcg.console;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The 地图's optional online base layer as the browser is told it in {@code /config.json}, and the
 * origin the page's Content-Security-Policy must then allow for its tiles. Without a URL there is
 * none: the map works offline on the county's own layers (issue 17). A layer is never switched on
 * by this: the person switches it on in the map.
 */
public record BaseLayer(String url, String type, String attribution) {

  /** From the configuration; empty without a URL; a bad URL or type stops the start. */
  public static Optional<BaseLayer> of(ConsoleConfig.BaseLayerConfig c) {
    return of(c.url().orElse(null), c.type(), c.attribution().orElse(null));
  }

  static Optional<BaseLayer> of(String url, String type, String attribution) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String t = type == null ? "tianditu" : type.trim().toLowerCase(Locale.ROOT);
    if (!t.equals("tianditu") && !t.equals("gaode")) {
      throw new IllegalArgumentException(
          "szcg.console.base-layer.type: tianditu 或 gaode / tianditu or gaode, not " + type);
    }
    URI u = URI.create(url.trim().replace("{", "%7B").replace("}", "%7D"));
    if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
      throw new IllegalArgumentException(
          "szcg.console.base-layer.url: 须为 http(s) 地址 / must be an http(s) URL: " + url);
    }
    return Optional.of(new BaseLayer(url.trim(), t, attribution == null ? "" : attribution));
  }

  /** scheme://host[:port] of the tiles, for connect-src and img-src. */
  public String origin() {
    URI u = URI.create(url.replace("{", "%7B").replace("}", "%7D"));
    return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
  }

  /** 高德 tiles are drawn in GCJ-02. */
  public String crs() {
    return type.equals("gaode") ? "GCJ02" : "WGS84";
  }

  public JsonObject json() {
    return new JsonObject()
        .put("url", url)
        .put("type", type)
        .put("crs", crs())
        .put("attribution", attribution);
  }
}
