package cn.szcg.dispatch.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.szcg.dispatch.application.Seeder;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Production never invents people: the demo register (fictitious contacts) is loaded only
 * where seeding is switched on — the tests, dev mode and the local stack (deploy/local/lib.sh) —
 * and a production start (profile prod, as in Kubernetes, whose ConfigMap does not switch it on)
 * begins with an empty unit register.
 */
class SeedProfileTest {

  static boolean seedEnabled(String profile) throws Exception {
    URL props = SeedProfileTest.class.getClassLoader().getResource("application.properties");
    SmallRyeConfig c =
        new SmallRyeConfigBuilder()
            .withProfile(profile)
            .withSources(new PropertiesConfigSource(props))
            .build();
    return c.getOptionalValue("szcg.dispatch.seed.enabled", Boolean.class)
        .orElse(defaultOfTheCode());
  }

  /** The @ConfigProperty default of Seeder.enabled, should the file not set it. */
  static boolean defaultOfTheCode() throws Exception {
    var a =
        Seeder.class
            .getDeclaredField("enabled")
            .getAnnotation(org.eclipse.microprofile.config.inject.ConfigProperty.class);
    return Boolean.parseBoolean(a.defaultValue());
  }

  @Test
  void productionStartsWithAnEmptyRegister() throws Exception {
    assertFalse(seedEnabled("prod"), "prod profile seeds no demo units");
    assertFalse(defaultOfTheCode(), "unset means no seed");
  }

  @Test
  void theTestsAndDevModeHaveTheDemoRegister() throws Exception {
    assertEquals(true, seedEnabled("test"));
    assertEquals(true, seedEnabled("dev"));
  }
}
