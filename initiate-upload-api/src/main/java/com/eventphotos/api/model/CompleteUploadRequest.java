package com.eventphotos.api.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Every part of the upload, in order, each with the ETag S3 answered its PUT with. */
public record CompleteUploadRequest(
        @NotNull(message = "must list every part with its ETag")
        @Size(min = 1, max = 10000, message = "must list every part with its ETag")
        List<@NotNull(message = "must not be null") @Valid Part> parts) {

    public record Part(
            @NotNull(message = "is required") Integer partNumber,

            @Schema(description = "The ETag header of the part's PUT response, quotes optional")
            @NotBlank(message = "must not be blank")
            String etag) {}
}
