package cn.szcg.gis.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.infra.ComponentClassesJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** the component class catalogue (部件分类) shipped in demo/component-classes.json. */
class ComponentClassCatalogueTest {

  private final ComponentClassCatalogue cat = ComponentClassesJson.loadDefault();

  @Test
  void hasTheSixNationalMajorClassesAndALocalExtension() {
    assertEquals(
        List.of("01", "02", "03", "04", "05", "06", "07"),
        cat.majors().stream().map(MajorClass::code).toList());
    assertEquals("公用设施", cat.major("01").orElseThrow().nameZh());
    assertEquals("道路交通", cat.major("02").orElseThrow().nameZh());
    assertEquals("市容环境", cat.major("03").orElseThrow().nameZh());
    assertEquals("园林绿化", cat.major("04").orElseThrow().nameZh());
    assertEquals("房屋土地", cat.major("05").orElseThrow().nameZh());
    assertEquals("其他设施", cat.major("06").orElseThrow().nameZh());
    assertFalse(cat.major("01").orElseThrow().local());
    assertTrue(cat.major("07").orElseThrow().local());
    for (MajorClass m : cat.majors()) {
      assertTrue(m.classes().size() >= 4, m.code() + " has several minor classes");
      assertFalse(m.nameEn().isBlank());
    }
  }

  @Test
  void knowsTheUsualMinorClasses() {
    assertEquals("上水井盖", cat.find("0101").orElseThrow().nameZh());
    assertEquals("污水井盖", cat.find("0102").orElseThrow().nameZh());
    assertEquals("雨水井盖", cat.find("0103").orElseThrow().nameZh());
    assertEquals("停车场", cat.find("0201").orElseThrow().nameZh());
    assertEquals(GeometryKind.POLYGON, cat.find("0201").orElseThrow().geometry());
    assertEquals("公交站亭", cat.find("0203").orElseThrow().nameZh());
    assertEquals("公共厕所", cat.find("0301").orElseThrow().nameZh());
    assertEquals("垃圾箱/果皮箱", cat.find("0302").orElseThrow().nameZh());
    assertEquals("古树名木", cat.find("0401").orElseThrow().nameZh());
    assertEquals("行道树", cat.find("0402").orElseThrow().nameZh());
    assertEquals("Street tree", cat.find("0402").orElseThrow().nameEn());
    assertFalse(cat.contains("0199"));
    assertFalse(cat.contains("9901"));
    assertEquals(
        cat.classes().size(), cat.majors().stream().mapToInt(m -> m.classes().size()).sum());
  }

  @Test
  void everyClassSitsUnderItsMajorAndCodesAreUnique() {
    for (MajorClass m : cat.majors()) {
      for (ComponentClass c : m.classes()) {
        assertEquals(m.code(), c.majorCode());
      }
    }
    assertEquals(
        cat.classes().size(), cat.classes().stream().map(ComponentClass::code).distinct().count());
  }

  @Test
  void aCatalogueWithDuplicateOrMisplacedClassesIsRefused() throws Exception {
    ObjectMapper m = new ObjectMapper();
    String dup =
        "{\"majors\":[{\"code\":\"01\",\"nameZh\":\"公用设施\",\"classes\":["
            + "{\"code\":\"0101\",\"nameZh\":\"上水井盖\"},{\"code\":\"0101\",\"nameZh\":\"x\"}]}]}";
    assertThrows(
        IllegalArgumentException.class, () -> ComponentClassesJson.fromJson(m.readTree(dup)));
    String misplaced =
        "{\"majors\":[{\"code\":\"01\",\"nameZh\":\"公用设施\",\"classes\":["
            + "{\"code\":\"0201\",\"nameZh\":\"停车场\"}]}]}";
    assertThrows(
        IllegalArgumentException.class, () -> ComponentClassesJson.fromJson(m.readTree(misplaced)));
    String local =
        "{\"version\":\"x\",\"majors\":[{\"code\":\"08\",\"nameZh\":\"智慧感知设备\",\"local\":true,"
            + "\"classes\":[{\"code\":\"0801\",\"nameZh\":\"井盖传感器\",\"geometry\":\"POINT\"}]}]}";
    ComponentClassCatalogue ext = ComponentClassesJson.fromJson(m.readTree(local));
    assertTrue(ext.contains("0801"));
    assertTrue(ext.major("08").orElseThrow().local());
  }
}
