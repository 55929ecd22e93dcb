package com.eventphotos.processor;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import com.eventphotos.contract.InvalidPhotoMetadataException;
import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.processor.image.ImageBuffer;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads an uploaded object with one GetObject and checks it is what one of our upload URLs produces: metadata
 * decodable and agreeing with the key and the stored Content-Type, and a size from 1 byte to the configured
 * maximum. The size is checked from the response headers before the body is read, and the body is read into
 * exactly that many bytes of native memory: never more than the maximum is held.
 */
@ApplicationScoped
public class UploadInspector {

    private final S3Client s3;
    private final ProcessorConfig config;

    UploadInspector(S3Client s3, ProcessorConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    /**
     * @return empty when the object no longer exists (deleted since the event was sent)
     * @throws RejectedUploadException when the object is not a consistent upload of ours
     * @throws software.amazon.awssdk.core.exception.SdkException when S3 cannot be read (transient)
     */
    public Optional<UploadedPhoto> inspect(String bucket, UploadKey key, Instant uploadedAt)
            throws RejectedUploadException {
        ResponseInputStream<GetObjectResponse> object;
        try {
            object = s3.getObject(g -> g.bucket(bucket).key(key.toString()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        try (object) {
            GetObjectResponse head = object.response();
            PhotoMetadata metadata;
            try {
                metadata = PhotoMetadata.fromUserMetadata(head.metadata());
            } catch (InvalidPhotoMetadataException e) {
                throw new RejectedUploadException(e.getMessage());
            }
            requireAgreement(key, metadata, head.contentType());
            long size = head.contentLength() == null ? -1 : head.contentLength();
            requireSize(size);
            return Optional.of(new UploadedPhoto(metadata, size, uploadedAt, read(object, key, size), head.eTag()));
        } catch (RejectedUploadException | RuntimeException e) {
            object.abort(); // do not drain a body we will not use
            throw e;
        } catch (IOException closing) {
            throw SdkClientException.create("closing the object stream of " + key + " failed", closing);
        }
    }

    private void requireSize(long size) throws RejectedUploadException {
        if (size == 0) {
            throw new RejectedUploadException("the upload is empty (0 bytes)");
        }
        if (size < 0) {
            throw new RejectedUploadException("S3 gave no size for the upload");
        }
        if (size > config.maxContentLength()) {
            throw new RejectedUploadException(
                    "the upload has " + size + " bytes, more than the " + config.maxContentLength() + " allowed");
        }
    }

    private static ImageBuffer read(ResponseInputStream<GetObjectResponse> object, UploadKey key, long size) {
        try {
            return ImageBuffer.read(object, size);
        } catch (IOException e) {
            // a connection that broke off: worth retrying
            throw SdkClientException.create("reading " + key + " failed: " + e.getMessage(), e);
        }
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
