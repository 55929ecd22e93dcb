package com.eventphotos.contract;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The user metadata the API signs into every upload URL and the processor reads back with HeadObject.
 * Values are stored through {@link MetadataValueCodec}, so any Unicode text survives S3 exactly.
 */
public record PhotoMetadata(
        String title,
        String description,
        String eventId,
        UUID photoId,
        PhotoContentType contentType,
        String uploadedBy,
        String uploaderName,
        boolean reviewRequired) {

    /** How S3 user metadata appears in HTTP headers and presigned query strings. */
    public static final String HEADER_PREFIX = "x-amz-meta-";

    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String EVENT_ID = "eventid";
    public static final String PHOTO_ID = "photoid";
    public static final String CONTENT_TYPE = "contenttype";
    public static final String UPLOADED_BY = "uploadedby";
    /** The name a guest gave (members have none in the metadata: their listing shows their id). */
    public static final String UPLOADER_NAME = "uploadername";
    /** {@link #REVIEW_PENDING} when an owner must approve the photo before members see it. */
    public static final String REVIEW = "review";

    public static final String REVIEW_PENDING = "pending";

    /**
     * S3 limits user metadata to 2 KB, measured as the UTF-8 bytes of every name (without the
     * {@code x-amz-meta-} prefix) and value.
     */
    public static final int S3_USER_METADATA_LIMIT_BYTES = 2048;

    public PhotoMetadata {
        Objects.requireNonNull(title, TITLE);
        Objects.requireNonNull(eventId, EVENT_ID);
        Objects.requireNonNull(photoId, PHOTO_ID);
        Objects.requireNonNull(contentType, CONTENT_TYPE);
        Objects.requireNonNull(uploadedBy, UPLOADED_BY);
        description = description == null ? "" : description;
    }

    /** A member's upload: no uploader name in the metadata, no review. */
    public PhotoMetadata(
            String title,
            String description,
            String eventId,
            UUID photoId,
            PhotoContentType contentType,
            String uploadedBy) {
        this(title, description, eventId, photoId, contentType, uploadedBy, null, false);
    }

    public UploadKey key() {
        return new UploadKey(eventId, photoId, contentType);
    }

    /** Metadata names (without prefix) to encoded values, in a stable order. */
    public Map<String, String> toUserMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(TITLE, MetadataValueCodec.encode(title));
        metadata.put(DESCRIPTION, MetadataValueCodec.encode(description));
        metadata.put(EVENT_ID, eventId);
        metadata.put(PHOTO_ID, photoId.toString());
        metadata.put(CONTENT_TYPE, contentType.mimeType());
        metadata.put(UPLOADED_BY, MetadataValueCodec.encode(uploadedBy));
        if (uploaderName != null) {
            metadata.put(UPLOADER_NAME, MetadataValueCodec.encode(uploaderName));
        }
        if (reviewRequired) {
            metadata.put(REVIEW, REVIEW_PENDING);
        }
        return metadata;
    }

    /** The size S3 counts against {@link #S3_USER_METADATA_LIMIT_BYTES}. */
    public int userMetadataSizeInBytes() {
        return userMetadataSizeInBytes(toUserMetadata());
    }

    public static int userMetadataSizeInBytes(Map<String, String> userMetadata) {
        return userMetadata.entrySet().stream()
                .mapToInt(e -> utf8Length(e.getKey()) + utf8Length(e.getValue()))
                .sum();
    }

    /**
     * Reads metadata as returned by S3 (names lower-case, without prefix, e.g. the AWS SDK's
     * {@code HeadObjectResponse.metadata()}).
     *
     * @throws InvalidPhotoMetadataException when a field is missing or not one we could have written
     */
    public static PhotoMetadata fromUserMetadata(Map<String, String> userMetadata)
            throws InvalidPhotoMetadataException {
        String eventId = required(userMetadata, EVENT_ID);
        if (!EventId.isValid(eventId)) {
            throw new InvalidPhotoMetadataException("metadata eventid is not a valid event id: " + eventId);
        }
        UUID photoId;
        try {
            photoId = UUID.fromString(required(userMetadata, PHOTO_ID));
        } catch (IllegalArgumentException e) {
            throw new InvalidPhotoMetadataException("metadata photoid is not a UUID");
        }
        String mimeType = required(userMetadata, CONTENT_TYPE);
        PhotoContentType contentType = PhotoContentType.fromMimeType(mimeType)
                .orElseThrow(
                        () -> new InvalidPhotoMetadataException("metadata contenttype is not supported: " + mimeType));
        return new PhotoMetadata(
                decoded(TITLE, required(userMetadata, TITLE)),
                // S3 may drop an empty header value, so an absent description is an empty one.
                decoded(
                        DESCRIPTION,
                        Optional.ofNullable(userMetadata.get(DESCRIPTION)).orElse("")),
                eventId,
                photoId,
                contentType,
                decoded(UPLOADED_BY, required(userMetadata, UPLOADED_BY)),
                userMetadata.containsKey(UPLOADER_NAME)
                        ? decoded(UPLOADER_NAME, userMetadata.get(UPLOADER_NAME))
                        : null,
                REVIEW_PENDING.equals(userMetadata.get(REVIEW)));
    }

    private static String required(Map<String, String> userMetadata, String name) throws InvalidPhotoMetadataException {
        String value = userMetadata.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidPhotoMetadataException("metadata " + name + " is missing");
        }
        return value;
    }

    private static String decoded(String name, String value) throws InvalidPhotoMetadataException {
        try {
            return MetadataValueCodec.decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidPhotoMetadataException("metadata " + name + " cannot be decoded: " + e.getMessage());
        }
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
