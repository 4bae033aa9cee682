package cn.szcg.intake.api;

import java.util.List;

/** One page of a collection: items, page number (from 0), page size and the total count. */
public record PageView<T>(List<T> items, int page, int size, long total) {}
