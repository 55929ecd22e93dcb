package com.eventphotos.api.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.UploadUrlPresigner;
import com.eventphotos.contract.UploadUrlPresigner.PresignedUpload;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@link PhotoStorage} on the S3 bucket {@code event-photos.bucket}. */
@ApplicationScoped
public class S3PhotoStorage implements PhotoStorage {

    @Inject
    S3Client s3;

    @Inject
    UploadUrlPresigner presigner;

    @Inject
    UploadApiConfig config;

    @Override
    public PresignedUpload presignUpload(UploadKey key, Map<String, String> userMetadata, Long contentLength) {
        return presigner.presign(key, userMetadata, contentLength);
    }

    @Override
    public PresignedUpload presignPart(
            UploadKey key, String uploadId, int partNumber, long size, String checksumSha256, Duration validFor) {
        return presigner.presignPart(key, uploadId, partNumber, size, checksumSha256, validFor);
    }

    @Override
    public String startMultipart(UploadKey key, String contentType, Map<String, String> userMetadata) {
        return s3.createMultipartUpload(create -> create.bucket(config.bucket())
                        .key(key.toString())
                        .contentType(contentType)
                        .metadata(userMetadata)
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256))
                .uploadId();
    }

    @Override
    public List<StoredPart> listParts(UploadKey key, String uploadId) {
        List<StoredPart> parts = new ArrayList<>();
        Integer marker = null;
        ListPartsResponse page;
        try {
            do {
                Integer from = marker;
                page = s3.listParts(list -> list.bucket(config.bucket())
                        .key(key.toString())
                        .uploadId(uploadId)
                        .partNumberMarker(from));
                for (Part part : page.parts()) {
                    parts.add(new StoredPart(part.partNumber(), part.size(), part.eTag()));
                }
                marker = page.nextPartNumberMarker();
            } while (Boolean.TRUE.equals(page.isTruncated()));
        } catch (NoSuchUploadException e) {
            throw new UploadMissingException(uploadId);
        }
        return parts;
    }

    @Override
    public void completeMultipart(UploadKey key, String uploadId, List<PartToJoin> parts) {
        List<CompletedPart> completed = parts.stream()
                .map(part -> CompletedPart.builder()
                        .partNumber(part.partNumber())
                        .eTag(part.etag())
                        .checksumSHA256(part.checksumSha256())
                        .build())
                .toList();
        try {
            s3.completeMultipartUpload(c -> c.bucket(config.bucket())
                    .key(key.toString())
                    .uploadId(uploadId)
                    // write-once, as every single-PUT URL: a photo's original is never replaced
                    .ifNoneMatch(UploadUrlPresigner.WRITE_ONCE_VALUE)
                    .multipartUpload(u -> u.parts(completed)));
        } catch (NoSuchUploadException e) {
            throw new UploadMissingException(uploadId);
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                throw new ObjectExistsException(key.toString());
            }
            if (e.statusCode() == 409) {
                throw new CompletionConflictException();
            }
            if (e.statusCode() == 400) {
                throw new PartsRefusedException(e.awsErrorDetails().errorMessage());
            }
            throw e;
        }
    }

    @Override
    public void abortMultipart(UploadKey key, String uploadId) {
        try {
            s3.abortMultipartUpload(
                    a -> a.bucket(config.bucket()).key(key.toString()).uploadId(uploadId));
        } catch (NoSuchUploadException e) {
            throw new UploadMissingException(uploadId);
        }
    }

    @Override
    public OptionalLong size(String key) {
        try {
            Long size = s3.headObject(h -> h.bucket(config.bucket()).key(key)).contentLength();
            return size == null ? OptionalLong.empty() : OptionalLong.of(size);
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(delete -> delete.bucket(config.bucket()).key(key));
    }
}
