package com.eventphotos.api.error;

import java.util.List;

import com.eventphotos.api.domain.Echo;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every 4xx: what went wrong and, where it is about one field, which one. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorResponse(int status, String error, String message, List<FieldError> violations) {

    /** Messages quote client input only through {@link Echo}; this caps the whole message all the same. */
    static final int MAX_MESSAGE_CHARS = 500;

    public ErrorResponse {
        if (message != null && message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + "…";
        }
    }

    public record FieldError(String field, String message) {}

    public static ErrorResponse of(int status, String error, String message) {
        return new ErrorResponse(status, error, message, List.of());
    }

    public static ErrorResponse forField(int status, String error, String field, String message) {
        return new ErrorResponse(status, error, field + ": " + message, List.of(new FieldError(field, message)));
    }
}
