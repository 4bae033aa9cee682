package cn.szcg.gis.domain;

import java.util.List;

/**
 * A major component class (部件大类), e.g. 01 公用设施 public facilities.
 *
 * @param local true for a local extension (地方扩展) beyond the national major classes 01–06
 */
public record MajorClass(
    String code, String nameZh, String nameEn, boolean local, List<ComponentClass> classes) {

  public MajorClass {
    CodeFormatException.requireDigits(code, 2, "部件大类代码", "major class code");
    classes = List.copyOf(classes);
  }
}
