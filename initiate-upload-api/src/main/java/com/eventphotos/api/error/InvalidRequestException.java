package com.eventphotos.api.error;

/** A request that passed bean validation but breaks a rule that needs configuration, encoding or storage to check. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
