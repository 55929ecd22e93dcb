package com.eventphotos.api.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.UploadUrlPresigner.PresignedUpload;

/**
 * The photo bucket as the API uses it: presigned upload and part URLs, uploads in parts (create, list, complete,
 * abort), the size of an object, deletion. No rules here: those are the services'.
 */
public interface PhotoStorage {

    /** A part the bucket holds of an upload in parts. */
    record StoredPart(int partNumber, long size, String etag) {}

    /** A part to join, with the ETag the bucket gave it and the SHA-256 its URL was bound to. */
    record PartToJoin(int partNumber, String etag, String checksumSha256) {}

    /** A presigned single PUT of the photo's original, with its metadata signed in. */
    PresignedUpload presignUpload(UploadKey key, Map<String, String> userMetadata, Long contentLength);

    /** A presigned PUT of one part, bound to its number, size and SHA-256, valid for {@code validFor}. */
    PresignedUpload presignPart(
            UploadKey key, String uploadId, int partNumber, long size, String checksumSha256, Duration validFor);

    /** Starts an upload in parts (SHA-256 checksums per part); returns its upload id. */
    String startMultipart(UploadKey key, String contentType, Map<String, String> userMetadata);

    /**
     * Every part the bucket holds of the upload, in part order.
     *
     * @throws UploadMissingException the bucket no longer knows the upload (completed or aborted)
     */
    List<StoredPart> listParts(UploadKey key, String uploadId);

    /**
     * Joins the parts into the object, write-once: an object already at the key is never replaced.
     *
     * @throws UploadMissingException the bucket no longer knows the upload (completed or aborted)
     * @throws ObjectExistsException the key holds an object already (412)
     * @throws CompletionConflictException another completion or abort of the upload is under way (409)
     * @throws PartsRefusedException the bucket refused the parts (400), with its reason
     */
    void completeMultipart(UploadKey key, String uploadId, List<PartToJoin> parts);

    /**
     * Discards the upload's parts.
     *
     * @throws UploadMissingException the bucket no longer knows the upload
     */
    void abortMultipart(UploadKey key, String uploadId);

    /** The object's size in bytes, empty when there is no object at the key. */
    OptionalLong size(String key);

    /** Deletes the object; deleting a key that is already gone succeeds. */
    void delete(String key);

    /** The bucket no longer knows the upload in parts. */
    final class UploadMissingException extends RuntimeException {
        public UploadMissingException(String uploadId) {
            super("no such upload: " + uploadId, null, false, false);
        }
    }

    /** A write-once completion found an object at the key already. */
    final class ObjectExistsException extends RuntimeException {
        public ObjectExistsException(String key) {
            super("an object exists at " + key, null, false, false);
        }
    }

    /** The bucket is completing or aborting the same upload at the same moment. */
    final class CompletionConflictException extends RuntimeException {
        public CompletionConflictException() {
            super("the upload is being completed or aborted at the same moment", null, false, false);
        }
    }

    /** The bucket refused to join the parts; the message is its own. */
    final class PartsRefusedException extends RuntimeException {
        public PartsRefusedException(String message) {
            super(message, null, false, false);
        }
    }
}
