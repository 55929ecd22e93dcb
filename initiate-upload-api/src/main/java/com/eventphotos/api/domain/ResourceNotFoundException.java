package com.eventphotos.api.domain;

/** Something the request names does not exist, or is not the caller's to know about: a 404. */
public abstract class ResourceNotFoundException extends RuntimeException {

    protected ResourceNotFoundException(String message) {
        super(message);
    }
}
