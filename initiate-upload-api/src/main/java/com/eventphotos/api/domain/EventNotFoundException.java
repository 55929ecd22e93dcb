package com.eventphotos.api.domain;

/**
 * No such event, or the caller is not a member of it: the same answer for both, so an event's existence stays
 * private to its members (docs/api.md, Events and roles).
 */
public class EventNotFoundException extends ResourceNotFoundException {

    public EventNotFoundException(String eventId) {
        super("no event " + Echo.bounded(eventId) + " that you are a member of");
    }
}
