package cn.szcg.intake.domain;

/** A category code that the given catalogue version does not contain. */
public class UnknownCategoryException extends RuntimeException {

  private final String code;
  private final int catalogueVersion;

  public UnknownCategoryException(String code, int catalogueVersion) {
    super(
        "立案、结案规范第 "
            + catalogueVersion
            + " 版中没有分类 "
            + code
            + " / category "
            + code
            + " is not in filing standard version "
            + catalogueVersion);
    this.code = code;
    this.catalogueVersion = catalogueVersion;
  }

  public String code() {
    return code;
  }

  public int catalogueVersion() {
    return catalogueVersion;
  }
}
