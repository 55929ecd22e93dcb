package com.eventphotos.api.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Several photos to start at once, each as initiate-upload takes one. */
public record InitiateUploadsRequest(
        @Schema(description = "1 to 50 photos")
        @NotNull(message = "is required: the photos to start, 1 to 50")
        @Size(min = 1, max = 50, message = "must hold 1 to 50 photos")
        List<@NotNull(message = "must be a photo") @Valid InitiateUploadRequest> photos) {}
