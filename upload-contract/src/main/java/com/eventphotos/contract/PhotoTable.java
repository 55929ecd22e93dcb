package com.eventphotos.contract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB table of photo records: the processor writes it, the API reads it.
 *
 * <pre>
 * table                   partition key eventId (S)  sort key photoId (S)                  get one photo
 * LSI byUploadTime        partition key eventId (S)  sort key uploadedAtPhotoId (S)        READY photos, newest first (owners)
 * GSI visibleByUploadTime partition key eventId (S)  sort key visibleUploadedAtPhotoId (S) READY, not hidden (members)
 * </pre>
 *
 * {@code uploadedAtPhotoId} ({@code 2026-11-21T10:00:00.123Z#<photoId>}) is written on READY records only,
 * so the index is sparse: a query on it returns exactly the listable photos, and its Limit pages exactly.
 * The photoId suffix keeps two photos uploaded in the same millisecond apart. {@code visibleUploadedAtPhotoId}
 * holds the same value while the photo is not hidden, so hiding is removing one attribute.
 */
public final class PhotoTable {

    public static final String EVENT_ID = "eventId";
    public static final String PHOTO_ID = "photoId";
    public static final String BY_UPLOAD_TIME_INDEX = "byUploadTime";
    public static final String UPLOADED_AT_PHOTO_ID = "uploadedAtPhotoId";
    public static final String VISIBLE_BY_UPLOAD_TIME_INDEX = "visibleByUploadTime";
    public static final String VISIBLE_UPLOADED_AT_PHOTO_ID = "visibleUploadedAtPhotoId";
    /** {@code true} on a READY photo an owner hid; absent otherwise. */
    public static final String HIDDEN = "hidden";
    /** On a DELETED tombstone: when, and by whom (the token subject). */
    public static final String DELETED_AT = "deletedAt";

    public static final String DELETED_BY = "deletedBy";

    public static final String STATUS = "status";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String CONTENT_TYPE = "contentType";
    public static final String UPLOADED_BY = "uploadedBy";
    /** A guest's name, as they gave it (members are named by their id). */
    public static final String UPLOADER_NAME = "uploaderName";
    /** PENDING until an owner approves a guest's photo (then APPROVED); absent where no review applies. */
    public static final String REVIEW_STATUS = "reviewStatus";
    /** Bytes of the original upload, as stored in S3. */
    public static final String SIZE = "size";

    public static final String S3_KEY = "s3Key";
    /** The CDN URL of the largest rendition (the original itself is never served). */
    public static final String URL = "url";
    /** When S3 stored the object (the event time), fixed-width UTC so it sorts as text. */
    public static final String CREATED_AT = "createdAt";
    /** When the processor wrote this record. */
    public static final String PROCESSED_AT = "processedAt";
    /** The S3 event sequencer, left-padded: orders events of one key so an older one never overwrites newer state. */
    public static final String S3_SEQUENCER = "s3Sequencer";

    public static final String REJECTION_REASON = "rejectionReason";
    /**
     * The S3 ETag of the one object the record describes (uploads are write-once): an object under the photo's key
     * with any other ETag is a stranger, removed unseen.
     */
    public static final String ORIGINAL_ETAG = "originalETag";
    /** Pixel size of the original after EXIF orientation (READY records). */
    public static final String WIDTH = "width";

    public static final String HEIGHT = "height";
    /**
     * The renditions (READY records): a map from width in pixels ("320", "640", "1920", or the original's width
     * where it is smaller) to {@code {s3Key, url, width, height, bytes, webpUrl, webpBytes}}.
     */
    public static final String RENDITIONS = "renditions";
    /** A rendition's size in bytes (inside {@link #RENDITIONS}). */
    public static final String RENDITION_BYTES = "bytes";
    /** The WebP encoding's CDN URL and size in bytes (inside {@link #RENDITIONS}). */
    public static final String WEBP_URL = "webpUrl";

    public static final String WEBP_BYTES = "webpBytes";

    private static final DateTimeFormatter FIXED_WIDTH_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int SEQUENCER_WIDTH = 32;

    private PhotoTable() {}

    /** Whether a stored item is in the members' index: what every member of its event sees. */
    public static boolean visibleToMembers(Map<String, AttributeValue> item) {
        return item != null && item.containsKey(VISIBLE_UPLOADED_AT_PHOTO_ID);
    }

    /** ISO-8601 with exactly three fraction digits, so text order is time order. */
    public static String formatTime(Instant instant) {
        return FIXED_WIDTH_UTC.format(instant);
    }

    public static String uploadedAtPhotoId(Instant uploadedAt, UUID photoId) {
        return formatTime(uploadedAt) + "#" + photoId;
    }

    /**
     * S3 sequencers are hex strings to be compared as numbers of possibly different lengths; padding them
     * makes DynamoDB's string comparison in a condition expression do that.
     */
    public static String comparableSequencer(String sequencer) {
        String hex = sequencer == null || sequencer.isBlank() ? "0" : sequencer.toUpperCase(java.util.Locale.ROOT);
        if (hex.length() >= SEQUENCER_WIDTH) {
            return hex;
        }
        return "0".repeat(SEQUENCER_WIDTH - hex.length()) + hex;
    }
}
