package com.eventphotos.processor;

/**
 * Some records could not be processed (S3 or DynamoDB unavailable or throttled, the invocation's time running out, or
 * something unexpected). Thrown after every other record was handled, so Lambda retries the whole event; the records
 * that succeeded are idempotent, so the retry is safe, and an event that keeps failing ends in the dead-letter queue.
 */
public class TransientProcessingException extends RuntimeException {

    public TransientProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
