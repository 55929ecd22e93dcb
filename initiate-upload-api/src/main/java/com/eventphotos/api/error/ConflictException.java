package com.eventphotos.api.error;

/** The request is well formed but the event's current state forbids it (id taken, last owner, event full): a 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
