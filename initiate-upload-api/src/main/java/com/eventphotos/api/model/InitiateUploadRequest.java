package com.eventphotos.api.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What a client says about the photo it is about to upload. */
public record InitiateUploadRequest(
        @Schema(description = "Shown in the gallery; any Unicode text", examples = "서울 불꽃축제 2026", maxLength = 200)
        @NotBlank(message = "must not be blank")
        @MaxCodePoints(200)
        String title,

        @Schema(description = "Optional longer text", maxLength = 1000) @MaxCodePoints(1000)
        String description,

        @Schema(
                description = "Media type of the photo; the upload must be sent with exactly this Content-Type",
                examples = "image/jpeg")
        @NotBlank(message = "must not be blank")
        String contentType,

        @Schema(
                description =
                        "Exact size in bytes. When given, it is signed into the URL and S3 rejects a body of any other size")
        @Positive(message = "must be a positive number of bytes")
        Long contentLength,

        @Schema(
                description = "Upload in parts (resumable): true, false, or absent to let the server decide: in parts "
                        + "when partChecksums are sent and the file is above multipart.threshold (GET /upload-policy)")
        Boolean multipart,

        @Schema(
                description =
                        "Says the client can upload in parts: the base64 SHA-256 of each part, in order; parts are "
                                + "multipart.partSize bytes (GET /upload-policy), the last holds the rest. Each part URL is "
                                + "bound to its checksum, so S3 refuses different bytes")
        @Size(max = 1000, message = "may list at most 1000 parts")
        List<String> partChecksums) {

    /** A single-PUT request, as clients that do not know about parts send it. */
    public InitiateUploadRequest(String title, String description, String contentType, Long contentLength) {
        this(title, description, contentType, contentLength, null, null);
    }
}
