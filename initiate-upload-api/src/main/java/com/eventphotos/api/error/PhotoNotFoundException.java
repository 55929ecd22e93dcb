package com.eventphotos.api.error;

/** No record for the photo (not processed yet, or no such photo): a 404, mapped with the other errors. */
public class PhotoNotFoundException extends RuntimeException {

    public PhotoNotFoundException(String eventId, String photoId) {
        super("no photo " + Echo.bounded(photoId) + " in event " + Echo.bounded(eventId)
                + " (yet): processing takes a few seconds after the upload");
    }
}
