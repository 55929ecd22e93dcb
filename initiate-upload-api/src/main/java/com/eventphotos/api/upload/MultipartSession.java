package com.eventphotos.api.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.eventphotos.contract.MultipartUploads;
import com.eventphotos.contract.UploadKey;

/**
 * A multipart upload, as the API recorded it when it started the upload: the part checksums are fixed then, so every
 * URL issued later (resume, renewal) is bound to the same bytes. Kept a while after it was completed, so a complete
 * repeated after a lost answer gets the same answer.
 */
public record MultipartSession(
        String eventId,
        UUID photoId,
        UploadKey key,
        String uploadId,
        String startedBy,
        long contentLength,
        long partSize,
        List<String> partChecksums,
        Instant startedAt,
        Instant completedAt) {

    /** S3 holds the photo: the parts were joined. */
    public boolean completed() {
        return completedAt != null;
    }

    public int partCount() {
        return partChecksums.size();
    }

    public long partLength(int partNumber) {
        return MultipartUploads.partLength(partNumber, contentLength, partSize);
    }

    public String checksum(int partNumber) {
        return partChecksums.get(partNumber - 1);
    }

    /** After this, the bucket's lifecycle may discard the parts at any moment: nothing may be completed. */
    public Instant completeBy() {
        return startedAt.plus(Duration.ofDays(MultipartUploads.ABORTED_AFTER_DAYS));
    }
}
