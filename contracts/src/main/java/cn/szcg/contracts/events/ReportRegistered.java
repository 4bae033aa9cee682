package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;

/**
 * A problem arrived and was registered (登记) with a number and a server timestamp. The
 * reporter's name and phone are never carried in events (privacy). The R-12 clock starts at {@code
 * registeredAt}.
 */
public record ReportRegistered(
    String caseId,
    String reportNo,
    Channel channel,
    ReportKind kind,
    @Nullable String categoryCode,
    @Nullable GeoPoint location,
    @Nullable String address,
    @Nullable String description,
    @Nullable String collectorId,
    @Nullable String cameraId,
    @Nullable String sourceRef,
    @Nullable LocationContext context,
    Instant registeredAt) {}
