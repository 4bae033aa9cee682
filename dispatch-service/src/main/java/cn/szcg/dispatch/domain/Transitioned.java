package cn.szcg.dispatch.domain;

/** The result of a command: the case after it and the record of what happened. */
public record Transitioned(DispatchCase caseAfter, TransitionRecord record) {}
