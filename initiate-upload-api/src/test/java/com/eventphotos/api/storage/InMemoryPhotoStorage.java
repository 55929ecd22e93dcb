package com.eventphotos.api.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.UploadUrlPresigner.PresignedUpload;

/**
 * A bucket in memory, for the services' rule tests: uploads in parts with their parts, objects with their sizes, and
 * the bucket's answers to a completion (412 when the key holds an object, 409 or 400 when told to).
 */
public final class InMemoryPhotoStorage implements PhotoStorage {

    /** An upload in parts: its key and the parts PUT so far. */
    public record Upload(
            UploadKey key, String contentType, Map<String, String> metadata, Map<Integer, StoredPart> parts) {}

    private final Map<String, Upload> uploads = new HashMap<>();
    private final Map<String, Long> objects = new HashMap<>();
    private final List<String> aborted = new ArrayList<>();
    private RuntimeException nextCompletionFailure;

    /** Starts an upload as the service would, for tests that set up a session themselves. */
    public String start(UploadKey key) {
        return startMultipart(key, key.contentType().mimeType(), Map.of());
    }

    /** A part PUT to its URL; the ETag is made up from the part's number and size. */
    public StoredPart putPart(String uploadId, int partNumber, long size) {
        StoredPart part = new StoredPart(partNumber, size, "\"etag-" + partNumber + "-" + size + "\"");
        uploads.get(uploadId).parts().put(partNumber, part);
        return part;
    }

    /** An object put at the key by other means (a single PUT, or a completion whose answer was lost). */
    public void putObject(String key, long size) {
        objects.put(key, size);
    }

    /** The next completion fails with this, as the bucket would (409, 400). */
    public void failNextCompletion(RuntimeException failure) {
        nextCompletionFailure = failure;
    }

    /** The bucket's lifecycle (or someone else) discards the upload. */
    public void discard(String uploadId) {
        uploads.remove(uploadId);
    }

    public boolean holdsUpload(String uploadId) {
        return uploads.containsKey(uploadId);
    }

    public OptionalLong objectSize(String key) {
        return size(key);
    }

    public List<String> aborted() {
        return List.copyOf(aborted);
    }

    @Override
    public PresignedUpload presignUpload(UploadKey key, Map<String, String> userMetadata, Long contentLength) {
        return new PresignedUpload("memory://" + key, "PUT", Map.of(), Instant.EPOCH);
    }

    @Override
    public PresignedUpload presignPart(
            UploadKey key, String uploadId, int partNumber, long size, String checksumSha256, Duration validFor) {
        return new PresignedUpload(
                "memory://" + key + "?uploadId=" + uploadId + "&partNumber=" + partNumber,
                "PUT",
                Map.of("Content-Length", Long.toString(size), "x-amz-checksum-sha256", checksumSha256),
                Instant.EPOCH.plus(validFor));
    }

    @Override
    public String startMultipart(UploadKey key, String contentType, Map<String, String> userMetadata) {
        String uploadId = UUID.randomUUID().toString();
        uploads.put(uploadId, new Upload(key, contentType, Map.copyOf(userMetadata), new TreeMap<>()));
        return uploadId;
    }

    @Override
    public List<StoredPart> listParts(UploadKey key, String uploadId) {
        return List.copyOf(upload(uploadId).parts().values());
    }

    @Override
    public void completeMultipart(UploadKey key, String uploadId, List<PartToJoin> parts) {
        Upload upload = upload(uploadId);
        if (nextCompletionFailure != null) {
            RuntimeException failure = nextCompletionFailure;
            nextCompletionFailure = null;
            throw failure;
        }
        if (objects.containsKey(key.toString())) {
            throw new ObjectExistsException(key.toString());
        }
        long size = 0;
        for (PartToJoin part : parts) {
            StoredPart stored = upload.parts().get(part.partNumber());
            if (stored == null || !stored.etag().equals(part.etag())) {
                throw new PartsRefusedException("One or more of the specified parts could not be found.");
            }
            size += stored.size();
        }
        uploads.remove(uploadId);
        objects.put(key.toString(), size);
    }

    @Override
    public void abortMultipart(UploadKey key, String uploadId) {
        upload(uploadId);
        uploads.remove(uploadId);
        aborted.add(uploadId);
    }

    @Override
    public OptionalLong size(String key) {
        Long size = objects.get(key);
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    private Upload upload(String uploadId) {
        Upload upload = uploads.get(uploadId);
        if (upload == null) {
            throw new UploadMissingException(uploadId);
        }
        return upload;
    }
}
