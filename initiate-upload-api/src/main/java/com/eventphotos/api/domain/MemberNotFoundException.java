package com.eventphotos.api.domain;

/** The user named is not a member of the event. */
public class MemberNotFoundException extends ResourceNotFoundException {

    public MemberNotFoundException(String eventId, String userId) {
        super("no member " + Echo.bounded(userId) + " in event " + Echo.bounded(eventId));
    }
}
