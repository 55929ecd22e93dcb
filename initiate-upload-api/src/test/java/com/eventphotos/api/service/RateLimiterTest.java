package com.eventphotos.api.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(0);
    private final RateLimiter limiter = new RateLimiter(3, 6, now::get);

    @Test
    void tryAcquire_shouldAllowTheBurst_andThenSayHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.tryAcquire("alice"), "upload " + (i + 1));
        }

        Optional<Duration> wait = limiter.tryAcquire("alice");

        assertTrue(wait.isPresent());
        assertEquals(Duration.ofSeconds(10), wait.get(), "6 per minute: one every 10 s");
    }

    @Test
    void tryAcquire_shouldRefillAtTheSteadyRate_whenTimePasses() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("alice");
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertEquals(Optional.empty(), limiter.tryAcquire("alice"));
        assertTrue(limiter.tryAcquire("alice").isPresent());
    }

    @Test
    void tryAcquire_shouldKeepUsersApart_always() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("alice");
        }

        assertTrue(limiter.tryAcquire("alice").isPresent());
        assertEquals(Optional.empty(), limiter.tryAcquire("bob"));
    }

    @Test
    void tryAcquire_shouldDropIdleUsers_whenTooManyAreTracked() {
        for (int i = 0; i <= RateLimiter.MAX_TRACKED_USERS + 1; i++) {
            limiter.tryAcquire("user-" + i);
        }
        now.addAndGet(Duration.ofMinutes(1).toNanos());

        limiter.tryAcquire("one-more");

        assertTrue(limiter.trackedUsers() <= 2, "idle users' full buckets are dropped: " + limiter.trackedUsers());
    }
}
