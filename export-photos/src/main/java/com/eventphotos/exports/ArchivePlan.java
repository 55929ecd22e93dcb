package com.eventphotos.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import com.eventphotos.exports.zip.ZipRecords;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which photo goes into which archive under which name, fixed when the export starts (so a photo uploaded meanwhile is
 * in the next export, and every invocation that continues the job builds the same archives). Kept in S3 beside the
 * archives: thousands of entries would not fit a DynamoDB item.
 */
record ArchivePlan(List<Archive> archives) {

    /** @param uploadedAt epoch milliseconds, UTC (the entry's time in the archive) */
    record Entry(String photoId, String key, String name, long size, long uploadedAt) {

        Instant modified() {
            return Instant.ofEpochMilli(uploadedAt);
        }

        /** Bytes this entry takes in the archive before the central directory: local header and data. */
        long archivedLength() {
            return ZipRecords.localHeaderLength(name) + size;
        }
    }

    record Archive(List<Entry> entries) {

        long originalBytes() {
            return entries.stream().mapToLong(Entry::size).sum();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    ArchivePlan {
        archives = List.copyOf(archives);
    }

    int photos() {
        return archives.stream().mapToInt(a -> a.entries().size()).sum();
    }

    long bytes() {
        return archives.stream().mapToLong(Archive::originalBytes).sum();
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArchivePlan fromJson(byte[] json) {
        try {
            return JSON.readValue(json, ArchivePlan.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
