package com.eventphotos.localstack;

/** A component could not start; the message says which one and why, for a person to read. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
