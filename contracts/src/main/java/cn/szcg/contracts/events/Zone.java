package cn.szcg.contracts.events;

/** Zone type of a unit grid (万米单元网格). */
public enum Zone {
  /** 城区 */
  URBAN,
  /** 城乡结合部: some time limits are doubled. */
  FRINGE,
  /** 其他 */
  OTHER
}
