package com.eventphotos.processor;

/**
 * Some records could not be processed for a reason that may pass (S3 or DynamoDB unavailable,
 * throttled). Thrown after every other record was handled, so Lambda retries the whole event; the
 * records that succeeded are idempotent, so the retry is safe.
 */
public class TransientProcessingException extends RuntimeException {

    public TransientProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
