package com.eventphotos.api.domain;

/** The change would leave the event without an owner. */
public class LastOwnerException extends ConflictException {

    public LastOwnerException() {
        super("an event keeps at least one owner: make another member OWNER first");
    }
}
