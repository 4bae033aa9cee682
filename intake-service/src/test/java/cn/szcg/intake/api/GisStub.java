package cn.szcg.intake.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for gis-service on the port of {@code %test.szcg.gis.url}: locate answers a
 * township/community/grid and the nearest components in gis-service's answer shape (with an extra
 * field the client must ignore); cameras answer a position. Like the real gis-service it wants a
 * bearer token ({@link #TOKEN}, else 401); it also plays the realm's token endpoint ({@code
 * %test.quarkus.oidc-client.auth-server-url} points here), issuing {@link #TOKEN} for a
 * client-credentials grant — unless started with {@link #refusingTokens()}.
 */
final class GisStub implements AutoCloseable {

  /**
   * The port the build reserved for this run (build-helper's reserve-network-port, passed by
   * surefire; application.properties reads the same property), 18981 when run outside Maven.
   */
  static final int PORT = Integer.getInteger("szcg.test.gis-port", 18981);

  /** The only token the stub's gis accepts, and the one its token endpoint issues. */
  static final String TOKEN = "gis-stub-service-token";

  /**
   * Components as gis-service's locate answers them (GisQueries.NearComponent: flat fields plus the
   * GeoJSON geometry, which intake does not keep), nearest first; the third has no class code and
   * must be skipped.
   */
  static final String COMPONENTS =
      "[{\"id\":\"3501240101000007\",\"classCode\":\"0101\",\"className\":\"上水井盖\","
          + "\"name\":\"梅城镇上水井盖\",\"state\":\"DAMAGED\",\"department\":\"县住房和城乡建设局\","
          + "\"owner\":\"闽清县自来水公司\",\"maintainer\":\"闽清县自来水公司\","
          + "\"gridCode\":\"350124100001001\",\"distanceM\":3.4,"
          + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[118.8632,26.22313]}},"
          + "{\"id\":\"3501240117000021\",\"classCode\":\"0117\",\"className\":\"路灯\","
          + "\"name\":\"梅城镇路灯\",\"state\":\"INTACT\",\"department\":\"县城市管理局\","
          + "\"owner\":\"县城市管理局\",\"maintainer\":\"国网闽清县供电公司\",\"gridCode\":null,"
          + "\"distanceM\":41.0,\"geometry\":{\"type\":\"Point\","
          + "\"coordinates\":[118.8636,26.2232]}},"
          + "{\"id\":\"X\",\"distanceM\":45.0}]";

  final AtomicInteger locateCalls = new AtomicInteger();

  /** The query string of every locate call. */
  final List<String> locateQueries = new CopyOnWriteArrayList<>();

  final AtomicInteger tokenCalls = new AtomicInteger();

  /** The Authorization header of every gis call (locate, cameras). */
  final List<String> gisAuthorizations = new CopyOnWriteArrayList<>();

  /** Authorization header and form body of every token request. */
  final List<String> tokenRequests = new CopyOnWriteArrayList<>();

  private final HttpServer server;

  private GisStub(boolean issueTokens) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/realms/minqing/protocol/openid-connect/token",
        ex -> {
          tokenCalls.incrementAndGet();
          String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          tokenRequests.add(ex.getRequestHeaders().getFirst("Authorization") + " " + form);
          if (!issueTokens) {
            reply(ex, 401, "{\"error\":\"unauthorized_client\"}");
            return;
          }
          reply(
              ex,
              200,
              "{\"access_token\":\""
                  + TOKEN
                  + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"profile\"}");
        });
    server.createContext(
        "/api/v1/locate",
        ex -> {
          if (!authorized(ex)) {
            return;
          }
          locateCalls.incrementAndGet();
          locateQueries.add(ex.getRequestURI().getRawQuery());
          reply(
              ex,
              200,
              "{\"township\":{\"code\":\"350124100\",\"name\":\"梅城镇\"},"
                  + "\"community\":{\"code\":\"350124100001\",\"name\":\"解放社区\"},"
                  + "\"gridCode\":\"350124100001001\",\"zone\":\"FRINGE\","
                  + "\"radiusM\":50,\"components\":"
                  + COMPONENTS
                  + ",\"somethingNew\":42}");
        });
    server.createContext(
        "/api/v1/cameras/",
        ex -> {
          if (!authorized(ex)) {
            return;
          }
          if (ex.getRequestURI().getPath().endsWith("/CAM-1")) {
            reply(
                ex,
                200,
                "{\"id\":\"CAM-1\",\"lon\":118.8701,\"lat\":26.2299,\"gridCode\":\"350124100001002\",\"extra\":true}");
          } else {
            reply(ex, 404, "{}");
          }
        });
    server.start();
  }

  static GisStub start() {
    return new GisStub(true);
  }

  /** A gis whose token endpoint refuses intake's credentials (no token can be had). */
  static GisStub refusingTokens() {
    return new GisStub(false);
  }

  private boolean authorized(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    gisAuthorizations.add(String.valueOf(auth));
    if (!("Bearer " + TOKEN).equals(auth)) {
      reply(ex, 401, "{\"title\":\"未认证 / Unauthorized\"}");
      return false;
    }
    return true;
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
