package com.eventphotos.api.domain;

/** Another request changed the same items at the same moment; nothing was written, and trying again is safe. */
public class ConcurrentChangeException extends ConflictException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
