package com.eventphotos.api.upload;

import java.util.Map;
import java.util.UUID;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.error.Echo;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.UploadUrlPresigner;
import com.eventphotos.contract.UploadUrlPresigner.PresignedUpload;

import jakarta.enterprise.context.ApplicationScoped;

/** Turns a validated request into an upload URL, enforcing the rules that need config or encoding to check. */
@ApplicationScoped
public class UploadUrlIssuer {

    private final UploadApiConfig config;
    private final UploadUrlPresigner presigner;

    UploadUrlIssuer(UploadApiConfig config, UploadUrlPresigner presigner) {
        this.config = config;
        this.presigner = presigner;
    }

    public InitiateUploadResponse issue(String eventId, InitiateUploadRequest request, String uploadedBy) {
        PhotoContentType contentType = PhotoContentType.fromMimeType(request.contentType())
                .orElseThrow(() -> new InvalidRequestException(
                        "contentType",
                        "'" + Echo.bounded(request.contentType()) + "' is not supported; supported types are "
                                + PhotoContentType.supportedMimeTypes()));
        if (request.contentLength() != null && request.contentLength() > config.maxContentLength()) {
            throw new InvalidRequestException(
                    "contentLength",
                    "must be at most " + config.maxContentLength() + " bytes, was " + request.contentLength());
        }
        PhotoMetadata metadata = new PhotoMetadata(
                request.title(), request.description(), eventId, UUID.randomUUID(), contentType, uploadedBy);
        Map<String, String> userMetadata = metadata.toUserMetadata();
        requireWithinS3MetadataLimit(metadata, userMetadata);
        UploadKey key = metadata.key();
        PresignedUpload upload = presigner.presign(key, userMetadata, request.contentLength());
        return new InitiateUploadResponse(
                key.photoId(), key.toString(), upload.url(), upload.method(), upload.headers(), upload.expiresAt());
    }

    private static void requireWithinS3MetadataLimit(PhotoMetadata metadata, Map<String, String> userMetadata) {
        int size = PhotoMetadata.userMetadataSizeInBytes(userMetadata);
        if (size <= PhotoMetadata.S3_USER_METADATA_LIMIT_BYTES) {
            return;
        }
        int textSize =
                encodedSize(userMetadata, PhotoMetadata.TITLE) + encodedSize(userMetadata, PhotoMetadata.DESCRIPTION);
        int budget = PhotoMetadata.S3_USER_METADATA_LIMIT_BYTES - (size - textSize);
        String field = metadata.description().length() > metadata.title().length() ? "description" : "title";
        throw new InvalidRequestException(
                field,
                "title and description take " + textSize
                        + " bytes once encoded for S3 metadata, over their budget of " + budget + " bytes (S3 allows "
                        + PhotoMetadata.S3_USER_METADATA_LIMIT_BYTES
                        + " bytes of metadata per object; non-ASCII text such as"
                        + " Korean costs about 4 bytes per character): shorten the " + field);
    }

    private static int encodedSize(Map<String, String> userMetadata, String name) {
        return PhotoMetadata.userMetadataSizeInBytes(Map.of(name, userMetadata.get(name)));
    }
}
