package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** R-10 content hashes, phone numbers, R-12 acceptance limit, R-20 natural-time conversion. */
class SupportingRulesTest {

  @Test
  void sha256OfAbcIsTheKnownVector() {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assertEquals(expected, ContentHash.sha256Hex(abc));
    assertEquals(expected, ContentHash.sha256Hex(new ByteArrayInputStream(abc)));
    assertTrue(ContentHash.isSha256Hex(expected));
    assertFalse(ContentHash.isSha256Hex(expected.toUpperCase()));
    assertTrue(ContentHash.verify(abc, expected));
    assertFalse(ContentHash.verify("abd".getBytes(StandardCharsets.US_ASCII), expected));
  }

  @Test
  void phoneNumbersNormalize() {
    assertEquals("13812345678", PhoneNumbers.normalize("+86 138-1234-5678"));
    assertEquals("0591-22334455", PhoneNumbers.normalize("059122334455"));
    assertEquals("010-12345678", PhoneNumbers.normalize("01012345678"));
    assertTrue(PhoneNumbers.isMobile("19912345678"));
    assertFalse(PhoneNumbers.isMobile("11912345678"));
    assertTrue(PhoneNumbers.isLandline("0591-2233445-801"));
    assertFalse(PhoneNumbers.isValid(null));
  }

  @Test
  void acceptanceLimitIsOneWorkingHourTwoInTheFringe() {
    assertEquals(new TimeLimit(1, LimitUnit.WORKING_HOURS), TimeLimits.acceptanceLimit(Zone.URBAN));
    assertEquals(new TimeLimit(1, LimitUnit.WORKING_HOURS), TimeLimits.acceptanceLimit(Zone.OTHER));
    assertEquals(
        new TimeLimit(2, LimitUnit.WORKING_HOURS), TimeLimits.acceptanceLimit(Zone.FRINGE));
  }

  @Test
  void emergencyLimitsRunInNaturalTime() {
    assertEquals(
        new TimeLimit(4, LimitUnit.NATURAL_HOURS),
        TimeLimits.naturalEquivalent(new TimeLimit(4, LimitUnit.WORKING_HOURS)));
    assertEquals(
        new TimeLimit(2, LimitUnit.NATURAL_DAYS),
        TimeLimits.naturalEquivalent(new TimeLimit(2, LimitUnit.WORKING_DAYS)));
    assertEquals(
        new TimeLimit(30, LimitUnit.NATURAL_MINUTES),
        TimeLimits.naturalEquivalent(new TimeLimit(30, LimitUnit.WORKING_MINUTES)));
    TimeLimit natural = new TimeLimit(2, LimitUnit.NATURAL_HOURS);
    assertEquals(natural, TimeLimits.naturalEquivalent(natural));
  }
}
