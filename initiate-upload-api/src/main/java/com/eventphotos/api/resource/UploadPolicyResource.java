package com.eventphotos.api.resource;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.Renditions;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What clients may upload, from the same sources the API and the processor enforce (the contract's
 * {@link PhotoContentType} and this API's configured size limit), so a client never keeps its own copy.
 */
@Path("/upload-policy")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "photos")
@SecurityRequirement(name = "bearer")
public class UploadPolicyResource {

    /** One accepted type: its media type and the file name suffixes a file picker should offer. */
    public record AcceptedType(String mimeType, List<String> suffixes) {}

    /** Files above {@code threshold} bytes go in parts of {@code partSize} bytes (the last holds the rest). */
    public record Multipart(long threshold, long partSize) {}

    public record UploadPolicy(
            List<AcceptedType> contentTypes,
            long maxContentLength,
            List<Integer> renditionWidths,
            Multipart multipart) {}

    @Inject
    UploadApiConfig config;

    @GET
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @NonBlocking
    @Operation(summary = "The accepted image types, the size limit, the rendition widths and when uploads go in parts")
    public UploadPolicy policy() {
        return new UploadPolicy(
                Arrays.stream(PhotoContentType.values())
                        .map(type -> new AcceptedType(type.mimeType(), fileSuffixes(type)))
                        .toList(),
                config.maxContentLength(),
                Renditions.WIDTHS,
                new Multipart(config.multipart().threshold(), config.multipart().partSize()));
    }

    private static List<String> fileSuffixes(PhotoContentType type) {
        return type == PhotoContentType.JPEG ? List.of(".jpg", ".jpeg") : List.of("." + type.suffix());
    }
}
