package com.eventphotos.api.upload;

public class EventAccessDeniedException extends RuntimeException {

    public EventAccessDeniedException(String message) {
        super(message);
    }
}
