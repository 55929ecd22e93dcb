package com.eventphotos.contract.deployment;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvocationDeadlineTest {

    @Test
    void hasAtLeast_shouldCompareTheTimeLeftAtEachCheck() {
        AtomicLong left = new AtomicLong(20_000);
        InvocationDeadline deadline = InvocationDeadline.of(left::get);

        assertTrue(deadline.hasAtLeast(Duration.ofSeconds(20)), "exactly the budget is enough");
        left.set(19_999);
        assertFalse(deadline.hasAtLeast(Duration.ofSeconds(20)), "a millisecond less is not");
        assertEquals(Duration.ofMillis(19_999), deadline.remaining());
    }

    @Test
    void forever_shouldAlwaysHaveTime() {
        assertTrue(InvocationDeadline.forever().hasAtLeast(Duration.ofDays(365)));
    }

    @Test
    void ofLambda_shouldFollowTheContext_whenItReportsATimeWithinTheLongestInvocation() {
        AtomicLong left = new AtomicLong(60_000);
        InvocationDeadline deadline = InvocationDeadline.ofLambda(left::get);

        left.set(1_000);
        assertEquals(Duration.ofSeconds(1), deadline.remaining());
    }

    @Test
    void ofLambda_shouldCountTheLongestInvocation_whenThereIsNoDeadline() {
        Duration longest = InvocationDeadline.LONGEST_INVOCATION;
        for (long reported : new long[] {0, -5, longest.toMillis() + 1, Integer.MAX_VALUE}) {
            assertEquals(longest, InvocationDeadline.ofLambda(() -> reported).remaining(), "reported " + reported);
        }
        assertEquals(longest, InvocationDeadline.ofLambda(null).remaining(), "no context");
        assertFalse(InvocationDeadline.ofLambda(null).hasAtLeast(longest.plusMillis(1)));
    }
}
