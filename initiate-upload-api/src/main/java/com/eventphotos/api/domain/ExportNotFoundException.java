package com.eventphotos.api.domain;

/** No such export of the event (or it expired). */
public class ExportNotFoundException extends ResourceNotFoundException {

    public ExportNotFoundException(String eventId, String exportId) {
        super("no export " + Echo.bounded(exportId) + " of event " + Echo.bounded(eventId)
                + " (exports are kept 7 days)");
    }
}
