package cn.szcg.assessment.application;

import java.util.List;

/** A page of a collection: its items, the page and size asked for, and the total. */
public record Page<T>(List<T> items, int page, int size, long total) {

  /** The page of a whole list. */
  public static <T> Page<T> slice(List<T> all, int page, int size) {
    int from = (int) Math.min((long) page * size, all.size());
    int to = Math.min(from + size, all.size());
    return new Page<>(all.subList(from, to), page, size, all.size());
  }
}
