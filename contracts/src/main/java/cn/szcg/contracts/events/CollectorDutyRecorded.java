package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A collector's duty shift (排班/当班) was recorded, corrected or cancelled in intake-service: the unit
 * grids (万米单元网格) the collector patrols from {@code start} (inclusive) to {@code end} (exclusive).
 * Each change publishes the whole shift again with the next {@code revision}; a consumer keeps the
 * highest revision of a shift. The event key (CloudEvents subject) is the shift id, so the
 * revisions of one shift stay in order. Used by assessment-service for missed reports (漏报, R-08).
 *
 * @param shiftId stable id of the shift
 * @param revision 1 when recorded, +1 at every correction or cancellation
 * @param collectorId the collector (信息采集员) on duty
 * @param collectionUnitId the collector's collection unit (信息采集单位) when the shift was recorded
 * @param gridCodes the unit grid codes (16 digits) the collector is on duty over
 * @param cancelled true once the shift was cancelled (it then counts for nothing)
 * @param reason why it was corrected or cancelled (null when first recorded)
 */
public record CollectorDutyRecorded(
    String shiftId,
    long revision,
    String collectorId,
    @Nullable String collectionUnitId,
    List<String> gridCodes,
    Instant start,
    Instant end,
    boolean cancelled,
    @Nullable String reason,
    Instant recordedAt,
    String recordedBy) {}
