package com.eventphotos.api.error;

/** Something that existed but can no longer be used (an expired, revoked or used-up invite; an upload too old to complete): a 410. */
public class GoneException extends RuntimeException {

    public GoneException(String message) {
        super(message);
    }
}
