package com.eventphotos.api.domain;

/** A member whose role does not allow what they asked for: a 403 that names what is missing. */
public class EventAccessDeniedException extends RuntimeException {

    public EventAccessDeniedException(String message) {
        super(message);
    }
}
