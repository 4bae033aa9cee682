package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;

/**
 * Where a case is, as gis-service answers it: township (乡镇), community (社区/村), unit grid (万米单元网格)
 * and its zone at the time of registration.
 */
public record LocationContext(
    @Nullable String townshipCode,
    @Nullable String townshipName,
    @Nullable String communityCode,
    @Nullable String communityName,
    @Nullable String gridCode,
    Zone zone) {}
