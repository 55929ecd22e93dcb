package com.eventphotos.api.model;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where and how to PUT one part: exactly {@code size} bytes with exactly {@code headers}. */
public record PartUrl(
        int partNumber,

        @Schema(description = "Bytes in this part: the part size, or what is left for the last part")
        long size,

        String url,
        @Schema(examples = "PUT") String method,

        @Schema(
                description =
                        "Content-Length and the part's x-amz-checksum-sha256, both signed: S3 refuses other bytes")
        Map<String, String> headers,

        Instant expiresAt) {}
