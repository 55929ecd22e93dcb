package com.eventphotos.api.domain;

/** An event with the id asked for exists already. */
public class EventIdTakenException extends ConflictException {

    public EventIdTakenException(String eventId) {
        super("event id " + Echo.bounded(eventId)
                + " is taken: choose another, or leave eventId out to get a generated one");
    }
}
