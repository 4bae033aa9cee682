package cn.szcg.contracts.events;

/** The channels a problem arrives by (R-04, Art 7.1). */
public enum Channel {
  /** 移动巡查: a collector's report from the field app. */
  PATROL,
  /** 视频监控: an alarm from a video-analytics platform. */
  VIDEO,
  /** 领导交办: assigned by a leader. */
  LEADER,
  /** 新闻媒体: news media. */
  MEDIA,
  /** 政府网站: the government website. */
  WEBSITE,
  /** 政务微博: the government Weibo account. */
  WEIBO,
  /** 热线: the county hotline platform. */
  HOTLINE,
  /** 来电: a phone call the center itself takes (举报、投诉、咨询, R-04, R-06). */
  PHONE,
  /** 来访: a walk-in complaint at the center's counter (举报、投诉、咨询, R-04). */
  WALK_IN;

  /** Public channels are verified on site by a collector before filing. */
  public boolean isPublic() {
    return this == MEDIA
        || this == WEBSITE
        || this == WEIBO
        || this == HOTLINE
        || this == PHONE
        || this == WALK_IN;
  }
}
