package com.eventphotos.api.error;

public class EventAccessDeniedException extends RuntimeException {

    public EventAccessDeniedException(String message) {
        super(message);
    }
}
