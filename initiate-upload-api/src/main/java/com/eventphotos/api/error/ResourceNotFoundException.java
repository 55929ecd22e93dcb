package com.eventphotos.api.error;

/** Something the request names does not exist, or is not the caller's to know about: a 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
