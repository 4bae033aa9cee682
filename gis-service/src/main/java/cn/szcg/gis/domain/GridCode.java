package cn.szcg.gis.domain;

/**
 * Unit grid code (万米单元网格编码): the 12-digit statistical code of the community or village (社区/村) the
 * grid belongs to, followed by a 4-digit sequence number (顺序码) 0001–9999 within that community — 16
 * digits, e.g. {@code 3501241000010007} = grid 7 of community 350124100001.
 *
 * <pre>
 *   350124 100 001 0007
 *   county  |   |   sequence within the community (0001–9999)
 *          township (乡镇, 3 digits)
 *              community / village (社区/村, 3 digits)
 * </pre>
 *
 * <p>A grid code and a component id are both 16 digits; the field they come in tells them apart.
 */
public record GridCode(AreaCode community, int sequence) implements Comparable<GridCode> {

  public static final int LENGTH = 16;
  public static final int MAX_SEQUENCE = 9999;

  public GridCode {
    if (community == null) {
      throw new CodeFormatException("单元网格编码缺少社区/村代码", "grid code has no community code");
    }
    if (community.level() != AreaLevel.COMMUNITY) {
      throw new CodeFormatException(
          "单元网格编码的前12位必须是社区/村代码，" + community + "是" + community.level().nameZh() + "代码",
          "the first 12 digits of a grid code must be a community code, "
              + community
              + " is a "
              + community.level().name().toLowerCase()
              + " code");
    }
    if (sequence < 1 || sequence > MAX_SEQUENCE) {
      throw new CodeFormatException(
          "单元网格顺序码应在0001至9999之间，实际为" + sequence,
          "grid sequence must be between 0001 and 9999, was " + sequence);
    }
  }

  public static GridCode of(String communityCode, int sequence) {
    return new GridCode(AreaCode.parse(communityCode), sequence);
  }

  /** Parses a 16-digit grid code; throws {@link CodeFormatException} naming the problem. */
  public static GridCode parse(String text) {
    CodeFormatException.requireDigits(text, LENGTH, "单元网格编码", "grid code");
    return new GridCode(
        AreaCode.parse(text.substring(0, 12)), Integer.parseInt(text.substring(12, 16)));
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (CodeFormatException e) {
      return false;
    }
  }

  public String countyCode() {
    return community.countyCode();
  }

  public String townshipCode() {
    return community.townshipCode();
  }

  public String communityCode() {
    return community.value();
  }

  public String format() {
    return community.value() + String.format("%04d", sequence);
  }

  @Override
  public String toString() {
    return format();
  }

  @Override
  public int compareTo(GridCode o) {
    return format().compareTo(o.format());
  }
}
