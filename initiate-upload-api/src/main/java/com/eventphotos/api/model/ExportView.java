package com.eventphotos.api.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.eventphotos.contract.export.ExportStatus;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An export of an event's photos as its owners see it.
 *
 * @param photos and {@code bytes}: the photos and bytes of originals it holds, known once the worker has listed them
 * @param progress 0 to 1: the share of those bytes already in the archives
 * @param archives when READY, one link per archive, presigned for this answer; empty before, and for any other status
 * @param error why it FAILED
 * @param withdrawnAt and {@code withdrawnReason}: when and why a WITHDRAWN export was taken back (a photo in it was
 *     deleted; its archives are deleted too, and it has no links); absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportView(
        String exportId,
        ExportStatus status,
        Instant createdAt,
        Instant finishedAt,
        int photos,
        long bytes,
        double progress,
        List<Archive> archives,
        String error,
        Instant withdrawnAt,
        String withdrawnReason) {

    /** One archive: a link that downloads it (a ZIP of at most 4 GiB), valid until {@code expiresAt}. */
    public record Archive(URI url, long bytes, int photos, Instant expiresAt) {}
}
