package cn.szcg.intake.domain;

/**
 * What intake knows about one attachment (附件) before accepting it: file name, declared content
 * type, size in bytes and the SHA-256 of its bytes (lower-case hex, see {@link ContentHash}).
 */
public record AttachmentMeta(String fileName, String contentType, long sizeBytes, String sha256) {}
