package com.eventphotos.api.upload;

/** A request that passed bean validation but breaks a rule that needs configuration or encoding to check. */
public class InvalidUploadRequestException extends RuntimeException {

    private final String field;

    public InvalidUploadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
