package cn.szcg.contracts.events;

/** A point in WGS84 (EPSG:4326): longitude then latitude, in degrees. */
public record GeoPoint(double lon, double lat) {}
