package cn.szcg.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Where the console's proxy sends each service's API, and the login the browser is told. */
@ConfigMapping(prefix = "szcg.console")
public interface ConsoleConfig {

  /** Service name (gis, intake, dispatch, sla, assessment) → its base URL. */
  Map<String, String> upstream();

  /** How long an upstream may stay silent before the proxy answers 504. */
  Duration upstreamTimeout();

  Oidc oidc();

  /** The 地图's optional online base layer (天地图 / 高德): none unless a URL is configured. */
  BaseLayerConfig baseLayer();

  /**
   * {@code szcg.console.base-layer.url} (an XYZ raster template with {x} {y} {z}), {@code type}
   * {@code tianditu} (WGS-84/CGCS2000 Web Mercator, the default) or {@code gaode} (GCJ-02: the
   * county's overlays are shifted onto it), {@code attribution}.
   */
  interface BaseLayerConfig {
    java.util.Optional<String> url();

    @io.smallrye.config.WithDefault("tianditu")
    String type();

    java.util.Optional<String> attribution();
  }

  /** The push channel (实时推送, {@code GET /live/events}). */
  Live live();

  /** The Keycloak realm and the public client the browser logs in with (code + PKCE). */
  interface Oidc {
    String authority();

    String clientId();
  }

  /** Heartbeat and the bounds that keep a slow client from holding memory. */
  interface Live {
    /** A comment line this often keeps the stream open through proxies. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Bytes a client's connection may have queued before it counts as too slow. */
    @WithDefault("65536")
    int clientBuffer();

    /** Frames waiting for a client's event loop before it counts as too slow. */
    @WithDefault("1000")
    int maxPending();

    /** How often the Kafka feed looks for partitions it does not read yet. */
    @WithDefault("30s")
    Duration partitionRefresh();

    /**
     * Cases whose units and collectors the push channel remembers from the events it read (the
     * least recently seen are forgotten first): what lets a unit hear of a case whose event does
     * not name it (a clock of its department's sub-order, a closing) — see {@link
     * cn.szcg.console.live.Audiences}.
     */
    @WithDefault("200000")
    int audienceCases();
  }
}
