package com.eventphotos.contract.deployment;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The time left of a Lambda invocation, for the functions' "don't start work with less than N left" checks (the
 * processor's record budget, the export worker's reserve for one more part). Each function keeps its own budget where
 * it is explained; this only says how much time is left.
 */
public final class InvocationDeadline {

    /** Lambda's longest timeout: a reported time beyond it is no deadline. */
    public static final Duration LONGEST_INVOCATION = Duration.ofMinutes(15);

    private static final InvocationDeadline FOREVER = new InvocationDeadline(() -> Long.MAX_VALUE);

    private final LongSupplier remainingMillis;

    private InvocationDeadline(LongSupplier remainingMillis) {
        this.remainingMillis = remainingMillis;
    }

    /** The time left as {@code remainingMillis} reports it, asked at each check. */
    public static InvocationDeadline of(LongSupplier remainingMillis) {
        return new InvocationDeadline(Objects.requireNonNull(remainingMillis));
    }

    /** All the time in the world (tests, tools). */
    public static InvocationDeadline forever() {
        return FOREVER;
    }

    /**
     * The invocation's deadline from Lambda's {@code Context::getRemainingTimeInMillis} ({@code null} without a
     * context). Lambda and the local stack's runtime API send the invocation's deadline; Quarkus' mock event server
     * (tests) sends none, and the context then reports an arbitrary number: only a time within Lambda's longest timeout
     * is one. Without one, the invocation counts as having {@link #LONGEST_INVOCATION} left, always.
     */
    public static InvocationDeadline ofLambda(LongSupplier contextRemainingMillis) {
        if (contextRemainingMillis != null) {
            long remaining = contextRemainingMillis.getAsLong();
            if (remaining > 0 && remaining <= LONGEST_INVOCATION.toMillis()) {
                return of(contextRemainingMillis);
            }
        }
        long longest = LONGEST_INVOCATION.toMillis();
        return of(() -> longest);
    }

    /** Whether at least {@code budget} of the invocation is left. */
    public boolean hasAtLeast(Duration budget) {
        return remainingMillis.getAsLong() >= budget.toMillis();
    }

    /** The time left now. */
    public Duration remaining() {
        return Duration.ofMillis(remainingMillis.getAsLong());
    }
}
