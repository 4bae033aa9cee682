package cn.szcg.gis.domain;

/**
 * How a caller declares the coordinates it sends or wants (an import's body, a locate point, a
 * tile): WGS84, or GCJ-02 (the "Mars" offset of Chinese web maps, {@link Gcj02}).
 */
public enum InputCrs {
  WGS84,
  GCJ02
}
