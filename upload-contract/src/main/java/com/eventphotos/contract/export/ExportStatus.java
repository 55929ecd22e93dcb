package com.eventphotos.contract.export;

/**
 * Where an export is: waiting for the worker, being built, its archives ready, given up, or withdrawn (it was READY, or
 * about to be, when a photo in its archives was deleted: the archives are deleted too, and it links to nothing).
 */
public enum ExportStatus {
    QUEUED,
    RUNNING,
    READY,
    FAILED,
    WITHDRAWN;

    public boolean finished() {
        return this == READY || this == FAILED || this == WITHDRAWN;
    }
}
