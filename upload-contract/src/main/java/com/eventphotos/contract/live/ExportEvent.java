package com.eventphotos.contract.live;

import java.time.Instant;

/**
 * An export of the event finished (READY or FAILED): the owners' open pages fetch it at once instead of waiting for
 * their next poll. It names the export and nothing else (no links: those are for owners, the channel is everyone's).
 */
public record ExportEvent(String type, String eventId, String exportId, String status, String at) {

    public static final String FINISHED = "export.finished";

    public static ExportEvent finished(String eventId, String exportId, String status, Instant at) {
        return new ExportEvent(FINISHED, eventId, exportId, status, at.toString());
    }
}
