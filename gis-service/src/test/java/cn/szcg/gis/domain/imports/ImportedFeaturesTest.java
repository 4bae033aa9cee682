package cn.szcg.gis.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Zone;
import cn.szcg.gis.domain.AreaLevel;
import cn.szcg.gis.domain.ComponentState;
import cn.szcg.gis.domain.PipeType;
import cn.szcg.gis.infra.ComponentClassesJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Accepted features map onto typed records with parsed codes, enums and dates. */
class ImportedFeaturesTest {

  private final ImportValidator validator =
      new ImportValidator(ImportRules.minqing(ComponentClassesJson.loadDefault()));

  private AcceptedFeature accept(FeatureKind kind, ObjectNode feature) {
    ImportResult r = validator.validate(kind, ImportValidatorTest.collection(feature));
    assertTrue(r.isClean(), r.rejections()::toString);
    return r.accepted().get(0);
  }

  @Test
  void component() {
    ObjectNode f = ImportValidatorTest.component();
    ((ObjectNode) f.get("properties"))
        .put("state", "破损")
        .put("updatedOn", "2026-02-03T08:00:00+08:00");
    ImportedFeatures.Component c = ImportedFeatures.component(accept(FeatureKind.COMPONENT, f));
    assertEquals("3501240101000001", c.id().format());
    assertEquals("0101", c.classCode());
    assertEquals(ComponentState.DAMAGED, c.state());
    assertEquals("闽清县自来水公司", c.owner());
    assertEquals("3501241000010001", c.gridCode().format());
    assertEquals(LocalDate.of(2025, 6, 1), c.surveyDate());
    assertEquals(LocalDate.of(2026, 2, 3), c.updatedOn());
    assertEquals("Point", c.geometry().get("type").asText());
  }

  @Test
  void gridAreaPipeCamera() {
    ImportedFeatures.Grid g =
        ImportedFeatures.grid(accept(FeatureKind.GRID, ImportValidatorTest.grid()));
    assertEquals(Zone.URBAN, g.zone());
    assertEquals("350124100001", g.code().communityCode());
    assertNull(g.effectiveTo());
    ImportedFeatures.Area a =
        ImportedFeatures.area(accept(FeatureKind.AREA, ImportValidatorTest.area()));
    assertEquals(AreaLevel.COMMUNITY, a.level());
    assertEquals("东门社区", a.name());
    ImportedFeatures.Pipe p =
        ImportedFeatures.pipe(accept(FeatureKind.PIPE, ImportValidatorTest.pipe()));
    assertEquals(PipeType.WATER_SUPPLY, p.type());
    assertEquals(1.2, p.depthM(), 0);
    assertEquals(300.0, p.diameterMm(), 0);
    ImportedFeatures.Camera c =
        ImportedFeatures.camera(accept(FeatureKind.CAMERA, ImportValidatorTest.camera()));
    assertEquals("Polygon", c.view().get("type").asText());
    assertNull(c.gridCode());
  }
}
