package com.eventphotos.api.error;

import java.time.Duration;

/** The caller started uploads faster than its rate limit allows; answered 429 with Retry-After. */
public class TooManyUploadsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyUploadsException(Duration retryAfter) {
        this(retryAfter, "too many uploads started");
    }

    /** @param what what there were too many of, as in "{what}; try again in 2 s" */
    public TooManyUploadsException(Duration retryAfter, String what) {
        super(what + "; try again in " + Math.max(1, divideRoundingUp(retryAfter)) + " s");
        this.retryAfterSeconds = Math.max(1, divideRoundingUp(retryAfter));
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long divideRoundingUp(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}
