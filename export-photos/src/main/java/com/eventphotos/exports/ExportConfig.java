package com.eventphotos.exports;

import java.time.Duration;

import com.eventphotos.contract.deployment.ExportWorkerEnvironment;
import com.eventphotos.contract.live.LiveEndpointConfig;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything an operator sets for the export worker; each property can be overridden by an environment variable
 * ({@code event-photos.export.max-archive-bytes} by {@code EVENT_PHOTOS_EXPORT_MAX_ARCHIVE_BYTES}).
 */
@ConfigMapping(prefix = "event-photos")
public interface ExportConfig {

    /** The bucket of the originals, which the archives are written to as well (under exports/). */
    String bucket();

    /** The photo table (read only). */
    String table();

    /** The table of export jobs (schema: ExportTable). */
    String exportsTable();

    /** The export queue: where the worker puts the message that continues a job in the next invocation. */
    String exportQueueUrl();

    Export export();

    /** Where finished exports are announced: the event's live channel (AppSync Events, the local event server). */
    LiveEndpointConfig live();

    interface Export {

        /** The largest archive, central directory included: 4 GiB, as Immich's; archives beyond use ZIP64. */
        @WithDefault("4294967296")
        long maxArchiveBytes();

        /** Entries per archive, at most (the job item keeps a CRC per entry of the archive being built). */
        @WithDefault("10000")
        int maxPhotosPerArchive();

        /**
         * Bytes gathered before a part is uploaded (S3 needs at least 5 MiB but for the last): a part ends at an
         * entry's end, so the worker holds at most this plus one original.
         */
        @WithDefault("8388608")
        long partSize();

        /**
         * Time an invocation keeps for one more part and its checkpoint: with less left, it stops at a part boundary
         * and the job continues in a new invocation.
         */
        @WithDefault("PT90S")
        Duration invocationReserve();

        /** Attempts of one message before it goes to the dead-letter queue: the queue's maxReceiveCount. */
        @WithDefault(ExportWorkerEnvironment.MAX_RECEIVE_COUNT)
        int maxAttempts();

        /** How long a worker's claim on a job lasts without a checkpoint; then another invocation may take it over. */
        @WithDefault("PT6M")
        Duration lease();
    }
}
