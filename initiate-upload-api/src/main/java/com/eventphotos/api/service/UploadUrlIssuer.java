package com.eventphotos.api.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.Echo;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.api.model.InitiateUploadRequest;
import com.eventphotos.api.model.InitiateUploadResponse;
import com.eventphotos.api.storage.PhotoStorage;
import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.UploadUrlPresigner.PresignedUpload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a validated request into an upload URL, enforcing the rules that need config or encoding to check. */
@ApplicationScoped
public class UploadUrlIssuer {

    @Inject
    UploadApiConfig config;

    @Inject
    PhotoStorage storage;

    @Inject
    MultipartUploadService multipart;

    /** A request that passed every check, and how it will be uploaded. */
    public record PlannedUpload(
            PhotoMetadata metadata,
            Map<String, String> userMetadata,
            Long contentLength,
            boolean inParts,
            List<String> partChecksums) {}

    /** Every check of the request, before anything is counted or created. */
    /**
     * @param uploaderName a guest's name (null for members)
     * @param reviewRequired whether an owner must approve the photo before members see it
     */
    public PlannedUpload plan(
            String eventId,
            InitiateUploadRequest request,
            String uploadedBy,
            String uploaderName,
            boolean reviewRequired) {
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
                request.title(),
                request.description(),
                eventId,
                UUID.randomUUID(),
                contentType,
                uploadedBy,
                uploaderName,
                reviewRequired);
        Map<String, String> userMetadata = metadata.toUserMetadata();
        requireWithinS3MetadataLimit(metadata, userMetadata);
        // Checksums say the client can upload in parts; a client that sends none (one written before parts existed)
        // keeps its single PUT whatever the size, unless it asks for parts.
        boolean inParts = request.multipart() != null
                ? request.multipart()
                : request.partChecksums() != null
                        && request.contentLength() != null
                        && request.contentLength() > config.multipart().threshold();
        if (inParts) {
            multipart.requireValidParts(request.contentLength(), request.partChecksums());
        }
        return new PlannedUpload(metadata, userMetadata, request.contentLength(), inParts, request.partChecksums());
    }

    public InitiateUploadResponse issue(PlannedUpload plan) {
        UploadKey key = plan.metadata().key();
        if (plan.inParts()) {
            return InitiateUploadResponse.inParts(
                    multipart.start(plan.metadata(), plan.userMetadata(), plan.contentLength(), plan.partChecksums()));
        }
        PresignedUpload upload = storage.presignUpload(key, plan.userMetadata(), plan.contentLength());
        return InitiateUploadResponse.singlePut(key, upload);
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
