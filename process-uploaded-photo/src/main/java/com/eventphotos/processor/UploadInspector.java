package com.eventphotos.processor;

import java.time.Instant;
import java.util.Optional;

import com.eventphotos.contract.InvalidPhotoMetadataException;
import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.UploadKey;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads an uploaded object's metadata with HeadObject and checks it is what one of our upload URLs
 * produces: metadata decodable, and agreeing with the key and the stored Content-Type.
 */
@ApplicationScoped
public class UploadInspector {

    private final S3Client s3;

    UploadInspector(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * @return empty when the object no longer exists (deleted since the event was sent)
     * @throws RejectedUploadException when the object is not a consistent upload of ours
     * @throws software.amazon.awssdk.core.exception.SdkException when S3 cannot be asked (transient)
     */
    public Optional<UploadedPhoto> inspect(String bucket, UploadKey key, Instant uploadedAt)
            throws RejectedUploadException {
        HeadObjectResponse head;
        try {
            head = s3.headObject(h -> h.bucket(bucket).key(key.toString()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        PhotoMetadata metadata;
        try {
            metadata = PhotoMetadata.fromUserMetadata(head.metadata());
        } catch (InvalidPhotoMetadataException e) {
            throw new RejectedUploadException(e.getMessage());
        }
        requireAgreement(key, metadata, head.contentType());
        return Optional.of(new UploadedPhoto(metadata, head.contentLength(), uploadedAt));
    }

    private static void requireAgreement(UploadKey key, PhotoMetadata metadata, String storedContentType)
            throws RejectedUploadException {
        if (!metadata.eventId().equals(key.eventId())) {
            throw new RejectedUploadException(
                    "metadata eventid " + metadata.eventId() + " does not match the key's event " + key.eventId());
        }
        if (!metadata.photoId().equals(key.photoId())) {
            throw new RejectedUploadException(
                    "metadata photoid " + metadata.photoId() + " does not match the key's photo " + key.photoId());
        }
        if (metadata.contentType() != key.contentType()) {
            throw new RejectedUploadException(
                    "metadata contenttype " + metadata.contentType().mimeType() + " does not match the key's suffix ."
                            + key.contentType().suffix());
        }
        if (PhotoContentType.fromMimeType(storedContentType)
                .filter(metadata.contentType()::equals)
                .isEmpty()) {
            throw new RejectedUploadException("stored Content-Type " + storedContentType + " is not the issued "
                    + metadata.contentType().mimeType());
        }
    }
}
