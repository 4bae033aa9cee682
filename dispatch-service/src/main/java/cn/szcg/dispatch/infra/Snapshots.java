package cn.szcg.dispatch.infra;

import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.UnitRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * JSON of the domain's immutable records as stored in jsonb columns: the case snapshot, a unit's
 * dated record, a step's data. Tolerant of unknown fields so older snapshots keep loading.
 */
@ApplicationScoped
public class Snapshots {

  private final ObjectMapper json;

  @Inject
  public Snapshots(ObjectMapper mapper) {
    this.json =
        mapper
            .copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
  }

  public String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public DispatchCase readCase(String s) {
    return read(s, DispatchCase.class);
  }

  public UnitRecord readUnit(String s) {
    return read(s, UnitRecord.class);
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> readMap(String s) {
    return read(s, Map.class);
  }

  private <T> T read(String s, Class<T> type) {
    try {
      return json.readValue(s, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read stored " + type.getSimpleName(), e);
    }
  }
}
