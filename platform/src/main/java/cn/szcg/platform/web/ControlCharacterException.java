package cn.szcg.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON string carried a refused control character ({@link ControlCharacters}); Jackson adds the
 * JSON path as it unwinds, {@link ProblemMappers} answers 400 naming it.
 */
public class ControlCharacterException extends JsonMappingException {

  public ControlCharacterException(JsonParser p, String msg) {
    super(p, msg);
  }
}
