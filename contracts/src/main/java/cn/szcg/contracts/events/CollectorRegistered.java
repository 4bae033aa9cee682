package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A collector (信息采集员) was registered or changed in intake-service's collector register: created,
 * changed (name, collection unit, training certificate), deactivated (停用) or reactivated. Each
 * change publishes the collector's whole register entry; a consumer keeps the entry with the latest
 * {@code changedAt}. The event key (CloudEvents subject) is the collector id, so the changes of one
 * collector stay in order. Used by assessment-service to book a collector's figures under their
 * collection unit (信息采集单位, R-11).
 *
 * @param collectorId the collector
 * @param collectionUnitId the collection unit (信息采集单位) the collector belongs to from {@code
 *     changedAt} on
 * @param name the collector's name (null when not known)
 * @param active false while the collector is deactivated (停用, R-20)
 * @param change what happened: {@code CREATED}, {@code CHANGED}, {@code DEACTIVATED}, {@code
 *     REACTIVATED}
 * @param certificateNumber training certificate (培训合格证, Art 16); null while not certified
 * @param certificateValidFrom first day the certificate is valid (Asia/Shanghai, inclusive)
 * @param certificateValidTo last day it is valid (inclusive); null: no expiry or not certified
 * @param changedAt when the change was made in intake-service
 * @param changedBy who made it
 */
public record CollectorRegistered(
    String collectorId,
    String collectionUnitId,
    @Nullable String name,
    boolean active,
    String change,
    @Nullable String certificateNumber,
    @Nullable LocalDate certificateValidFrom,
    @Nullable LocalDate certificateValidTo,
    Instant changedAt,
    String changedBy) {}
