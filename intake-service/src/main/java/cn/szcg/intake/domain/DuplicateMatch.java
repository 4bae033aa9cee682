package cn.szcg.intake.domain;

import java.time.Duration;

/** A proposed duplicate: the open case, how far away it is and how far apart in time. */
public record DuplicateMatch(OpenCase candidate, double distanceMetres, Duration timeApart) {}
