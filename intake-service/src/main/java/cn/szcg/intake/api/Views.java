package cn.szcg.intake.api;

/** Helpers for native query results. */
final class Views {

  private Views() {}
}
