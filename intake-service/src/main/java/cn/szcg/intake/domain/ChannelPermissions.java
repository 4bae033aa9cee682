package cn.szcg.intake.domain;

import cn.szcg.contracts.events.Channel;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may register an arrival on which channel (R-04, docs/security.md). A channel is the way a
 * problem arrived, so it also says who is entitled to say it arrived that way:
 *
 * <ul>
 *   <li>移动巡查 PATROL — a collector's own field report (the report's collector must be the caller);
 *   <li>领导交办 LEADER, 新闻媒体 MEDIA, 政府网站 WEBSITE, 政务微博 WEIBO — entered by the center's operators and
 *       shift leads (a leader's assignment, a newspaper article, a website message or a Weibo post
 *       read at the center);
 *   <li>来电 PHONE, 来访 WALK_IN — a phone call or a walk-in complaint received by the center itself
 *       (举报、投诉、咨询, R-04, R-06): registered by operators and shift leads only; public channels
 *       (verified on site before filing, like HOTLINE), the caller's name and phone kept for the
 *       center only;
 *   <li>热线 HOTLINE — pushed by the 12345 hotline platform only (its ticket id is the source
 *       reference; status flows back to it);
 *   <li>视频监控 VIDEO, WEBSITE, WEIBO, MEDIA — pushed by the county's other systems (video analytics,
 *       website, Weibo and media bridges).
 * </ul>
 *
 * A caller holding several roles may use the union of their channels.
 */
public final class ChannelPermissions {

  /** The kinds of submitter intake knows. */
  public enum Submitter {
    /** 信息采集员 */
    COLLECTOR(EnumSet.of(Channel.PATROL)),
    /** 受理员 / 值班长 */
    CENTER_OPERATOR(
        EnumSet.of(
            Channel.LEADER,
            Channel.MEDIA,
            Channel.WEBSITE,
            Channel.WEIBO,
            Channel.PHONE,
            Channel.WALK_IN)),
    /** 12345 热线平台 */
    HOTLINE_PLATFORM(EnumSet.of(Channel.HOTLINE)),
    /** 其他县级系统（视频分析、政府网站、政务微博、新闻媒体对接） */
    COUNTY_SYSTEM(EnumSet.of(Channel.VIDEO, Channel.WEBSITE, Channel.WEIBO, Channel.MEDIA));

    private final Set<Channel> channels;

    Submitter(Set<Channel> channels) {
      this.channels = channels;
    }

    public Set<Channel> channels() {
      return EnumSet.copyOf(channels);
    }
  }

  private ChannelPermissions() {}

  /** The channels {@code submitters} may register together (empty when none). */
  public static Set<Channel> channelsFor(Collection<Submitter> submitters) {
    Set<Channel> out = EnumSet.noneOf(Channel.class);
    for (Submitter s : submitters) {
      out.addAll(s.channels);
    }
    return out;
  }

  public static boolean mayRegister(Collection<Submitter> submitters, Channel channel) {
    return channel != null && channelsFor(submitters).contains(channel);
  }
}
