package com.eventphotos.contract;

/**
 * How a large photo is uploaded in parts (S3 multipart upload), as the API, the bucket's lifecycle and the web client
 * must agree: every part but the last is exactly the part size, and an upload left unfinished is aborted by the
 * bucket a day after it started, so the API refuses to complete one that old.
 */
public final class MultipartUploads {

    /** S3's smallest part, but for the last one. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    /** S3's most parts per upload. */
    public static final int MAX_PARTS = 10_000;

    /** {@code event-photos.multipart.part-size}: 5 MiB, so a failed part costs little on a phone network. */
    public static final String DEFAULT_PART_SIZE = "5242880";

    /** {@code event-photos.multipart.threshold}: files above 8 MiB go in parts unless the client says otherwise. */
    public static final String DEFAULT_THRESHOLD = "8388608";

    /** The bucket's lifecycle rule aborts unfinished multipart uploads this many days after they were started. */
    public static final int ABORTED_AFTER_DAYS = 1;

    private MultipartUploads() {}

    public static int partCount(long contentLength, long partSize) {
        return (int) Math.max(1, (contentLength + partSize - 1) / partSize);
    }

    /** The exact size of part {@code partNumber} (1-based): the part size, or what is left for the last. */
    public static long partLength(int partNumber, long contentLength, long partSize) {
        long start = (partNumber - 1) * partSize;
        return Math.min(partSize, contentLength - start);
    }
}
