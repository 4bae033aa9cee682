package cn.szcg.gis.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small reader of Mapbox vector tiles (MVT 2.1, protobuf) for the tests: layers, features, their
 * attributes and geometry commands decoded to tile coordinates. No MVT decoder is on the build's
 * classpath; the format is small enough to read here (wire types 0, 2 and 5/1 skipped).
 */
final class MvtReader {

  /** A decoded feature: its geometry type (1 point, 2 line, 3 polygon), attributes and vertices. */
  record Feature(int type, Map<String, Object> attributes, List<int[]> vertices) {}

  /** A decoded layer. */
  record Layer(String name, int extent, List<Feature> features) {}

  private final byte[] buf;
  private int pos;
  private final int end;

  private MvtReader(byte[] buf, int pos, int end) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  /** Layers by name. */
  static Map<String, Layer> read(byte[] tile) {
    Map<String, Layer> out = new LinkedHashMap<>();
    MvtReader r = new MvtReader(tile, 0, tile.length);
    while (r.pos < r.end) {
      long key = r.varint();
      int field = (int) (key >>> 3);
      if (field == 3 && (key & 7) == 2) {
        Layer l = r.sub().layer();
        if (out.put(l.name(), l) != null) {
          throw new IllegalStateException("layer twice: " + l.name());
        }
      } else {
        r.skip((int) (key & 7));
      }
    }
    return out;
  }

  private Layer layer() {
    String name = null;
    int extent = 4096;
    List<String> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    List<MvtReader> features = new ArrayList<>();
    while (pos < end) {
      long key = varint();
      int field = (int) (key >>> 3);
      switch (field) {
        case 1 -> name = sub().string();
        case 2 -> features.add(sub());
        case 3 -> keys.add(sub().string());
        case 4 -> values.add(sub().value());
        case 5 -> extent = (int) varint();
        default -> skip((int) (key & 7));
      }
    }
    List<Feature> fs = new ArrayList<>();
    for (MvtReader f : features) {
      fs.add(f.feature(keys, values));
    }
    return new Layer(name, extent, fs);
  }

  private Feature feature(List<String> keys, List<Object> values) {
    int type = 0;
    Map<String, Object> attrs = new LinkedHashMap<>();
    List<int[]> vertices = new ArrayList<>();
    while (pos < end) {
      long key = varint();
      int field = (int) (key >>> 3);
      switch (field) {
        case 2 -> {
          MvtReader p = sub();
          while (p.pos < p.end) {
            int k = (int) p.varint();
            int v = (int) p.varint();
            attrs.put(keys.get(k), values.get(v));
          }
        }
        case 3 -> type = (int) varint();
        case 4 -> {
          MvtReader p = sub();
          int x = 0;
          int y = 0;
          while (p.pos < p.end) {
            int cmd = (int) p.varint();
            int id = cmd & 7;
            int count = cmd >>> 3;
            if (id == 7) {
              continue; // ClosePath
            }
            for (int i = 0; i < count; i++) {
              x += zigzag(p.varint());
              y += zigzag(p.varint());
              vertices.add(new int[] {x, y});
            }
          }
        }
        default -> skip((int) (key & 7));
      }
    }
    return new Feature(type, attrs, vertices);
  }

  private Object value() {
    Object v = null;
    while (pos < end) {
      long key = varint();
      int field = (int) (key >>> 3);
      switch (field) {
        case 1 -> v = sub().string();
        case 2 -> {
          v = Float.intBitsToFloat((int) fixed(4));
        }
        case 3 -> v = Double.longBitsToDouble(fixed(8));
        case 4, 5 -> v = varint();
        case 6 -> v = zigzag(varint());
        case 7 -> v = varint() != 0;
        default -> skip((int) (key & 7));
      }
    }
    return v;
  }

  private static long zigzag(long n) {
    return (n >>> 1) ^ -(n & 1);
  }

  private String string() {
    return new String(buf, pos, end - pos, StandardCharsets.UTF_8);
  }

  private MvtReader sub() {
    int len = (int) varint();
    MvtReader r = new MvtReader(buf, pos, pos + len);
    pos += len;
    return r;
  }

  private long fixed(int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (buf[pos++] & 0xFFL) << (8 * i);
    }
    return v;
  }

  private long varint() {
    long v = 0;
    int shift = 0;
    while (true) {
      byte b = buf[pos++];
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }

  private void skip(int wireType) {
    switch (wireType) {
      case 0 -> varint();
      case 1 -> pos += 8;
      case 2 -> pos += (int) varint();
      case 5 -> pos += 4;
      default -> throw new IllegalStateException("wire type " + wireType);
    }
  }
}
