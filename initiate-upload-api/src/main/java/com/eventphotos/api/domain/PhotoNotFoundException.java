package com.eventphotos.api.domain;

/** No record for the photo (not processed yet, deleted, or no such photo). */
public class PhotoNotFoundException extends ResourceNotFoundException {

    public PhotoNotFoundException(String eventId, String photoId) {
        super("no photo " + Echo.bounded(photoId) + " in event " + Echo.bounded(eventId)
                + " (yet): processing takes a few seconds after the upload");
    }
}
