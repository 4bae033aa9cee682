package cn.szcg.dispatch.infra;

import cn.szcg.testsupport.StatementCount;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Feeds {@link StatementCount} with the statements dispatch's session prepares (tests only). */
@PersistenceUnitExtension
public class CountingStatementInspector implements StatementInspector {

  @Override
  public String inspect(String sql) {
    return StatementCount.seen(sql);
  }
}
