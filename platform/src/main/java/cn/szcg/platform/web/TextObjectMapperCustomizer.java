package cn.szcg.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Registers {@link TextDeserializer} for every String read by the service's ObjectMapper. */
@Singleton
public class TextObjectMapperCustomizer implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    SimpleModule m = new SimpleModule("szcg-text");
    m.addDeserializer(String.class, new TextDeserializer());
    mapper.registerModule(m);
  }
}
