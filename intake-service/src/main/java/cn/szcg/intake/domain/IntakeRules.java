package cn.szcg.intake.domain;

import cn.szcg.contracts.events.Channel;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Configurable parameters of the intake validation (wire them from configuration; {@link
 * #minqingDefaults()} gives the shipped values).
 *
 * @param serviceArea points outside are refused (out_of_area)
 * @param descriptionMaxLength maximum description length in characters (code points)
 * @param addressMaxLength maximum address length
 * @param reporterNameMaxLength maximum reporter name length
 * @param sourceRefMaxLength maximum source reference length
 * @param maxClockSkew how far in the future a device time may be before it is refused
 * @param pushedChannels channels pushed by another system, which must carry a source reference
 * @param patrolPhotoRequired whether a collector's report must carry at least one photo at
 *     registration (off by default: the field app may upload photos right after registering)
 * @param attachments attachment types, sizes and count
 */
public record IntakeRules(
    BoundingBox serviceArea,
    int descriptionMaxLength,
    int addressMaxLength,
    int reporterNameMaxLength,
    int sourceRefMaxLength,
    Duration maxClockSkew,
    Set<Channel> pushedChannels,
    boolean patrolPhotoRequired,
    AttachmentPolicy attachments) {

  public IntakeRules {
    pushedChannels =
        pushedChannels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(pushedChannels));
  }

  /**
   * Minqing defaults: the county box, description ≤ 2000, address ≤ 200, name ≤ 50, source ref ≤
   * 128, device clock up to 10 minutes ahead, pushed channels VIDEO/WEBSITE/WEIBO/HOTLINE, no photo
   * required at registration, {@link AttachmentPolicy#DEFAULT}.
   */
  public static IntakeRules minqingDefaults() {
    return new IntakeRules(
        BoundingBox.MINQING,
        2000,
        200,
        50,
        128,
        Duration.ofMinutes(10),
        EnumSet.of(Channel.VIDEO, Channel.WEBSITE, Channel.WEIBO, Channel.HOTLINE),
        false,
        AttachmentPolicy.DEFAULT);
  }

  public IntakeRules withServiceArea(BoundingBox area) {
    return new IntakeRules(
        area,
        descriptionMaxLength,
        addressMaxLength,
        reporterNameMaxLength,
        sourceRefMaxLength,
        maxClockSkew,
        pushedChannels,
        patrolPhotoRequired,
        attachments);
  }

  public IntakeRules withPatrolPhotoRequired(boolean required) {
    return new IntakeRules(
        serviceArea,
        descriptionMaxLength,
        addressMaxLength,
        reporterNameMaxLength,
        sourceRefMaxLength,
        maxClockSkew,
        pushedChannels,
        required,
        attachments);
  }
}
