package cn.szcg.platform.audit;

import java.time.Instant;

/** One row of the audit trail (审计日志): who did what, when, from where, with what result. */
public record AuditEntry(
    long id,
    Instant at,
    String subject,
    String username,
    String roles,
    String unit,
    String client,
    String method,
    String path,
    int status,
    String target,
    String remote,
    String requestId,
    String hash) {}
