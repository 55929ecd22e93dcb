package com.eventphotos.api.model;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A completed upload: the photo is stored and its processing has begun. */
public record CompletedUpload(
        UUID photoId,
        String objectKey,
        long contentLength,

        @Schema(description = "PROCESSING: poll GET /events/{eventId}/photos/{photoId} for READY or REJECTED")
        String status) {}
