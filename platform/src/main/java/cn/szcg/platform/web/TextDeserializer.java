package cn.szcg.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Every {@code String} of every request body goes through here: Jackson's own string reading, then
 * a refusal of control characters (NUL, the C0 controls but TAB/LF/CR, DEL, lone surrogates —
 * {@link ControlCharacters#firstInText}).
 */
public class TextDeserializer extends StringDeserializer {

  private static final long serialVersionUID = 1L;

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String s = super.deserialize(p, ctxt);
    int bad = ControlCharacters.firstInText(s);
    if (bad >= 0) {
      throw new ControlCharacterException(p, ControlCharacters.message(s, bad));
    }
    return s;
  }
}
