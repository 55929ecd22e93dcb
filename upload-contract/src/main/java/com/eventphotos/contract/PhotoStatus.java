package com.eventphotos.contract;

/** Where a photo record stands. Resizing will add a state between upload and READY. */
public enum PhotoStatus {
    /** Metadata checked, record complete, listed in the gallery. */
    READY,
    /** The object under our key layout did not carry consistent metadata from one of our URLs; never listed. */
    REJECTED
}
