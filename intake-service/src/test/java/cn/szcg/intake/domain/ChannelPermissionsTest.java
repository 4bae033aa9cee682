package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Channel;
import cn.szcg.intake.domain.ChannelPermissions.Submitter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelPermissionsTest {

  @Test
  void everyChannelHasASubmitterAndTheSetsAreAsDocumented() {
    assertEquals(
        EnumSet.allOf(Channel.class), ChannelPermissions.channelsFor(List.of(Submitter.values())));
    assertEquals(Set.of(Channel.PATROL), Submitter.COLLECTOR.channels());
    assertEquals(Set.of(Channel.HOTLINE), Submitter.HOTLINE_PLATFORM.channels());
    assertEquals(
        Set.of(
            Channel.LEADER,
            Channel.MEDIA,
            Channel.WEBSITE,
            Channel.WEIBO,
            Channel.PHONE,
            Channel.WALK_IN),
        Submitter.CENTER_OPERATOR.channels());
    assertEquals(
        Set.of(Channel.VIDEO, Channel.WEBSITE, Channel.WEIBO, Channel.MEDIA),
        Submitter.COUNTY_SYSTEM.channels());
  }

  @Test
  void nobodyRegistersWithoutARoleAndRolesAddUp() {
    assertFalse(ChannelPermissions.mayRegister(List.of(), Channel.LEADER));
    assertFalse(ChannelPermissions.mayRegister(List.of(Submitter.COLLECTOR), null));
    assertTrue(
        ChannelPermissions.mayRegister(
            List.of(Submitter.COLLECTOR, Submitter.CENTER_OPERATOR), Channel.LEADER));
    assertFalse(
        ChannelPermissions.mayRegister(List.of(Submitter.CENTER_OPERATOR), Channel.HOTLINE));
  }

  /** 来电 and 来访 are taken by the center itself: operators and shift leads only. */
  @Test
  void phoneCallsAndWalkInsAreTheCentersOwn() {
    for (Channel ch : List.of(Channel.PHONE, Channel.WALK_IN)) {
      assertTrue(ch.isPublic(), ch + " is verified on site before filing, like HOTLINE");
      assertTrue(ChannelPermissions.mayRegister(List.of(Submitter.CENTER_OPERATOR), ch));
      for (Submitter other :
          List.of(Submitter.COLLECTOR, Submitter.HOTLINE_PLATFORM, Submitter.COUNTY_SYSTEM)) {
        assertFalse(ChannelPermissions.mayRegister(List.of(other), ch), other + " " + ch);
      }
      assertEquals(
          EnumSet.allOf(cn.szcg.contracts.events.ReportKind.class),
          IntakeValidator.kindsAllowed(ch));
    }
  }
}
