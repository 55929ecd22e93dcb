package com.eventphotos.emulators;

/** A server could not listen because its port was taken: starting it on another port may succeed. */
public class PortTakenException extends RuntimeException {

    public PortTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
