package cn.szcg.dispatch.domain;

import java.time.Instant;

/** The reporter's satisfaction recorded after closing (回访, R-25). */
public record SatisfactionRecord(
    SatisfactionLevel level, String comment, Instant at, String recordedBy) {}
