package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;

/** A text in Chinese, with its English rendering where one exists (e.g. a filing condition). */
public record BilingualText(String zh, @Nullable String en) {}
