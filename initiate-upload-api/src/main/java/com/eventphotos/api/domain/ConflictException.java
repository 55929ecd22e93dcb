package com.eventphotos.api.domain;

/** The request is well formed but the event's current state forbids it (id taken, last owner, event full): a 409. */
public abstract class ConflictException extends RuntimeException {

    protected ConflictException(String message) {
        super(message);
    }

    /** The stable code clients tell this conflict by. */
    public String code() {
        return "CONFLICT";
    }
}
