package cn.szcg.intake.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client for the benchmark: one socket, POST of a JSON body, the
 * status and the Content-Length body read back. Only what the benchmark needs (no chunked encoding,
 * no redirects); it keeps the load generator's own CPU small on a shared 2-core machine.
 */
final class RawHttp implements AutoCloseable {

  record Response(int status, String body) {}

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final String head;

  RawHttp(URL url) {
    try {
      socket = new Socket(url.getHost(), url.getPort());
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      head =
          "POST "
              + url.getPath()
              + " HTTP/1.1\r\nHost: "
              + url.getHost()
              + ":"
              + url.getPort()
              + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Response post(String json, String... headers) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(head.length() + 1024);
    sb.append(head);
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] h = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] req = new byte[h.length + body.length];
    System.arraycopy(h, 0, req, 0, h.length);
    System.arraycopy(body, 0, req, h.length, body.length);
    out.write(req);
    out.flush();
    String status = line();
    if (status == null || status.length() < 12) {
      throw new IOException("connection closed");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    int length = -1;
    String l;
    while ((l = line()) != null && !l.isEmpty()) {
      if (l.regionMatches(true, 0, "content-length:", 0, 15)) {
        length = Integer.parseInt(l.substring(15).trim());
      }
    }
    if (length < 0) {
      throw new IOException("no Content-Length");
    }
    byte[] b = in.readNBytes(length);
    if (b.length < length) {
      throw new IOException("short body");
    }
    return new Response(code, new String(b, StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
