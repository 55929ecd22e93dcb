package com.eventphotos.api.error;

/** An invite that existed but can no longer be used (expired, revoked, used up): a 410. */
public class InviteUnusableException extends RuntimeException {

    public InviteUnusableException(String message) {
        super(message);
    }
}
