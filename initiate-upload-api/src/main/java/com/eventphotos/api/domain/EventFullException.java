package com.eventphotos.api.domain;

/** The event holds its maximum number of photos (uploads started and not deleted). */
public class EventFullException extends ConflictException {

    public EventFullException(String eventId, int maxPhotos) {
        super("event " + eventId + " holds its maximum of " + maxPhotos
                + " photos: an owner can delete some to make room");
    }
}
