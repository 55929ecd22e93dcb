package com.eventphotos.contract.export;

/** Where an export is: waiting for the worker, being built, its archives ready, or given up. */
public enum ExportStatus {
    QUEUED,
    RUNNING,
    READY,
    FAILED;

    public boolean finished() {
        return this == READY || this == FAILED;
    }
}
