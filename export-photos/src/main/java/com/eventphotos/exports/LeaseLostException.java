package com.eventphotos.exports;

/** The export's lease passed to another invocation while this one worked: it stops without writing more. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String eventId, String exportId) {
        super("export " + exportId + " of event " + eventId + " was taken over by another invocation");
    }
}
