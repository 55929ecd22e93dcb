package com.eventphotos.contract.live;

/** The live events endpoint did not take a publish: unreachable, too slow, or it refused the request. */
public class LivePublishException extends RuntimeException {

    public LivePublishException(String message) {
        super(message);
    }

    public LivePublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
