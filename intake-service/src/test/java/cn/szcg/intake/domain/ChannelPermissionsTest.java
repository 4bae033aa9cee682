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
        Set.of(Channel.LEADER, Channel.MEDIA, Channel.WEBSITE, Channel.WEIBO),
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
}
