package com.eventphotos.api.domain;

/** Something that existed but can no longer be used (an expired, revoked or used-up invite; an upload too old to complete): a 410. */
public abstract class GoneException extends RuntimeException {

    protected GoneException(String message) {
        super(message);
    }
}
