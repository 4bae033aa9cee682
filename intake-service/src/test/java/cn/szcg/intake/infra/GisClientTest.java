package cn.szcg.intake.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.NearbyComponent;
import cn.szcg.contracts.events.Zone;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading gis-service's locate answer: the nearest components (部件). */
class GisClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  private static final String BASE =
      "{\"townshipCode\":\"350124100\",\"townshipName\":\"梅城镇\",\"communityCode\":\"350124100004\","
          + "\"communityName\":\"文笔社区\",\"gridCode\":\"3501241000040007\",\"zone\":\"URBAN\"";

  @Test
  void gisAnswerShapeBecomesTheEventShape() throws Exception {
    // gis-service's answer as docs/gis.md shows it
    LocationContext c =
        GisClient.contextOf(
                json(
                    BASE
                        + ",\"radiusM\":30,\"components\":[{\"id\":\"3501240119000144\","
                        + "\"classCode\":\"0119\",\"className\":\"报刊亭\",\"name\":\"梅城镇报刊亭\","
                        + "\"state\":\"MISSING\",\"department\":\"县城市管理局\","
                        + "\"owner\":\"中国邮政闽清县分公司\",\"maintainer\":\"中国邮政闽清县分公司\","
                        + "\"gridCode\":\"3501241000040007\",\"distanceM\":22.04,"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[118.8623775,26.221665]}}]}"),
                5)
            .orElseThrow();
    assertEquals(Zone.URBAN, c.zone());
    assertEquals(
        List.of(
            new NearbyComponent(
                "3501240119000144",
                "0119",
                "报刊亭",
                "梅城镇报刊亭",
                "MISSING",
                "县城市管理局",
                "中国邮政闽清县分公司",
                "中国邮政闽清县分公司",
                22.0)),
        c.nearestComponents());
  }

  @Test
  void withoutTheArrayNotKnownEmptyArrayNone() throws Exception {
    assertNull(GisClient.contextOf(json(BASE + "}"), 5).orElseThrow().nearestComponents());
    assertEquals(
        List.of(),
        GisClient.contextOf(json(BASE + ",\"components\":[]}"), 5)
            .orElseThrow()
            .nearestComponents());
    assertNull(
        GisClient.contextOf(json(BASE + ",\"components\":\"none\"}"), 5)
            .orElseThrow()
            .nearestComponents());
  }

  @Test
  void incompleteEntriesAreSkippedAndTheLimitHolds() throws Exception {
    String comps =
        "[{\"id\":\"A\",\"classCode\":\"0101\",\"distanceM\":1},"
            + "{\"classCode\":\"0101\",\"distanceM\":2},"
            + "{\"id\":\"B\",\"distanceM\":3},"
            + "{\"id\":\"C\",\"classCode\":\"0101\",\"distanceM\":\"far\"},"
            + "{\"componentId\":\"D\",\"classCode\":\"0102\",\"distanceM\":4.25},"
            + "{\"id\":\"E\",\"classCode\":\"0103\",\"distanceM\":5}]";
    List<NearbyComponent> got =
        GisClient.contextOf(json(BASE + ",\"components\":" + comps + "}"), 2)
            .orElseThrow()
            .nearestComponents();
    assertEquals(2, got.size());
    assertEquals("A", got.get(0).componentId());
    assertEquals("D", got.get(1).componentId());
    assertEquals(4.3, got.get(1).distanceM());
    assertNull(got.get(1).className());
  }
}
