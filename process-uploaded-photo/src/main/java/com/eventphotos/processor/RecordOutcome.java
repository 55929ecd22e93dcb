package com.eventphotos.processor;

public enum RecordOutcome {
    /** A READY record was written. */
    STORED,
    /** The record already reflects this event or a newer one (duplicate or out-of-order delivery). */
    ALREADY_PROCESSED,
    /** Not for us: not ObjectCreated, outside uploads/, or the object is gone. */
    IGNORED,
    /** Under uploads/ but without consistent metadata from one of our URLs; never READY. */
    REJECTED,
    /** The photo was deleted: its record is a tombstone, its renditions are removed and invalidated at the CDN. */
    DELETED
}
