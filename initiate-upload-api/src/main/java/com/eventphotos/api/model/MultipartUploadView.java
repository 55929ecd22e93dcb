package com.eventphotos.api.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A multipart upload: the parts S3 holds, and URLs for every part it does not hold yet. */
public record MultipartUploadView(
        UUID photoId,
        String objectKey,
        long contentLength,

        @Schema(description = "Every part but the last is exactly this many bytes")
        long partSize,

        int partCount,
        Instant startedAt,

        @Schema(description = "Complete before this instant; S3 discards unfinished uploads after it")
        Instant completeBy,

        List<UploadedPart> uploadedParts,

        @Schema(description = "URLs for the missing parts; ask again (GET .../upload) for fresh ones when they expire")
        List<PartUrl> partUrls) {}
