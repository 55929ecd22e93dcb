package com.eventphotos.exports;

/** Another invocation holds the export's lease: this message is tried again later (it may have died meanwhile). */
public class LeaseHeldException extends RuntimeException {

    public LeaseHeldException(String eventId, String exportId) {
        super("export " + exportId + " of event " + eventId + " is being built by another invocation");
    }
}
