package cn.szcg.dispatch.application;

import cn.szcg.dispatch.domain.UnitImport;
import cn.szcg.dispatch.infra.SeedLedger;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The local demo's unit register and responsibility matrix, loaded on first start — only
 * when {@code szcg.dispatch.seed.enabled} is true: the tests and the local stack
 * (deploy/local/lib.sh sets {@code SZCG_DISPATCH_SEED_ENABLED=true}). Production never invents
 * people: its default is false, so a production start has an empty unit register and the county
 * loads its real one with {@code POST /api/v1/units/import} (docs/operations.md).
 *
 * <p>The seed is a file of that very import format ({@value #FILE}: Minqing's units with fictitious
 * contact persons, and the matrix), loaded by the same {@link UnitRegisterImport}. Each part is
 * applied once (table {@code seed_applied}, under an advisory lock, so several replicas starting
 * together seed once); units and rules that exist already are kept, later edits through the API are
 * never overwritten, and deleted seed rules do not come back.
 */
@ApplicationScoped
public class Seeder {

  private static final Logger LOG = Logger.getLogger(Seeder.class);
  static final String UNITS = "units-minqing-v1";
  static final String RULES = "rules-minqing-v1";
  static final String BY = "seed";

  /** The demo register in the import format (src/main/resources). */
  public static final String FILE = "demo/units-minqing.json";

  @Inject SeedLedger ledger;
  @Inject UnitRegisterImport importer;
  @Inject ObjectMapper json;

  @ConfigProperty(name = "szcg.dispatch.seed.enabled", defaultValue = "false")
  boolean enabled;

  void onStart(@Observes StartupEvent ev) {
    if (!enabled) {
      LOG.info(
          "demo seed off (szcg.dispatch.seed.enabled=false): the unit register is what was loaded"
              + " through the API");
      return;
    }
    QuarkusTransaction.requiringNew().run(this::seed);
  }

  void seed() {
    ledger.lock();
    UnitImport.File f = demoFile(json);
    if (!ledger.applied(UNITS)) {
      UnitRegisterImport.Summary s =
          importer.load(
              new UnitImport.File(f.description(), f.validFrom(), f.units(), List.of()),
              UnitImport.Existing.KEEP,
              false,
              BY);
      ledger.mark(UNITS);
      LOG.infof("seeded %d demo units (%s, %s)", s.unitsRegistered(), UNITS, FILE);
    }
    if (!ledger.applied(RULES)) {
      UnitRegisterImport.Summary s =
          importer.load(
              new UnitImport.File(f.description(), f.validFrom(), List.of(), f.rules()),
              UnitImport.Existing.KEEP,
              false,
              BY);
      ledger.mark(RULES);
      LOG.infof("seeded %d demo responsibility rules (%s)", s.rulesCreated(), RULES);
    }
  }

  /** The demo file, parsed as the import endpoint parses a request. */
  public static UnitImport.File demoFile(ObjectMapper json) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FILE);
      }
      return json.readValue(in, UnitImport.File.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
