package com.eventphotos.api.error;

import java.util.List;

import com.eventphotos.api.domain.Echo;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every 4xx: what went wrong and, where it is about one field, which one. {@code code} is stable (clients
 * translate it; the message is English for people reading logs): the status's own name unless the error has a more
 * precise one.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorResponse(int status, String code, String error, String message, List<FieldError> violations) {

    /** Messages quote client input only through {@link Echo}; this caps the whole message all the same. */
    static final int MAX_MESSAGE_CHARS = 500;

    public ErrorResponse {
        if (message != null && message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + "…";
        }
    }

    public record FieldError(String field, String message) {}

    public static ErrorResponse of(int status, String error, String message) {
        return new ErrorResponse(status, codeOf(status), error, message, List.of());
    }

    public static ErrorResponse forField(int status, String error, String field, String message) {
        return new ErrorResponse(
                status, codeOf(status), error, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ErrorResponse withViolations(int status, String error, String message, List<FieldError> violations) {
        return new ErrorResponse(status, codeOf(status), error, message, violations);
    }

    /** The same error under a more precise code. */
    public ErrorResponse withCode(String preciseCode) {
        return new ErrorResponse(status, preciseCode, error, message, violations);
    }

    /** The code an error has when nothing more precise is known: its status's name. */
    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 410 -> "GONE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "SERVER_ERROR" : "CLIENT_ERROR";
        };
    }
}
