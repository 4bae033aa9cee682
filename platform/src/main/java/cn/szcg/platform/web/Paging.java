package cn.szcg.platform.web;

/**
 * Bounds of the paging parameters every list endpoint shares (issue 19): {@code page} 0 to {@link
 * #MAX_PAGE}, {@code size} 1 to {@link #MAX_SIZE}. A module may bound {@code size} tighter (most
 * allow 200). With both bounds {@code page × size} stays far below {@code Integer.MAX_VALUE}, so no
 * offset overflows. Enforced for every endpoint by {@link RequestParameterFilter}.
 */
public final class Paging {

  public static final long MAX_PAGE = 100_000;
  public static final long MAX_SIZE = 500;

  private Paging() {}
}
