package com.eventphotos.contract;

/** Where a photo record stands. Resizing will add a state between upload and READY. */
public enum PhotoStatus {
    /** Metadata checked, record complete, listed in the gallery. */
    READY,
    /** The object under our key layout did not carry consistent metadata from one of our URLs; never listed. */
    REJECTED,
    /**
     * A tombstone: the photo was deleted, its objects are gone, and no later S3 event for its key may bring it
     * back. Keeps {@code s3Key} and {@code renditions} so a retried delete can remove what is left.
     */
    DELETED
}
