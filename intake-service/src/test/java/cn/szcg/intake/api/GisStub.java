package cn.szcg.intake.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for gis-service on the port of {@code %test.szcg.gis.url}: locate answers a
 * township/community/grid (with an extra field the client must ignore); cameras answer a position.
 */
final class GisStub implements AutoCloseable {

  static final int PORT = 18981;
  final AtomicInteger locateCalls = new AtomicInteger();
  private final HttpServer server;

  private GisStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/api/v1/locate",
        ex -> {
          locateCalls.incrementAndGet();
          reply(
              ex,
              200,
              "{\"township\":{\"code\":\"350124100\",\"name\":\"梅城镇\"},"
                  + "\"community\":{\"code\":\"350124100001\",\"name\":\"解放社区\"},"
                  + "\"gridCode\":\"350124100001001\",\"zone\":\"FRINGE\","
                  + "\"nearestComponents\":[{\"id\":\"X\"}],\"somethingNew\":42}");
        });
    server.createContext(
        "/api/v1/cameras/",
        ex -> {
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
    return new GisStub();
  }

  private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body)
      throws IOException {
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
