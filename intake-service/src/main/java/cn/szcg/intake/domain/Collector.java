package cn.szcg.intake.domain;

/**
 * A collector (信息采集员): employed by a collection unit, holding a training certificate (or none yet),
 * and active or deactivated (停用, Art 20: a violating collector is stopped).
 *
 * @param certificate null while the collector has not passed training
 */
public record Collector(
    String id, String name, String unitId, Certificate certificate, boolean deactivated) {}
