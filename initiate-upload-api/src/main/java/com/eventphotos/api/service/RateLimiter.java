package com.eventphotos.api.service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code burst} requests at once, refilled at {@code perMinute}. Per API instance: the HTTP
 * API's stage throttling bounds all callers together, this bounds one caller who scripts an endpoint. Two are in use
 * ({@link RateLimiters}): upload starts per user or guest, guest sessions per client address.
 */
public class RateLimiter {

    /** Beyond this many users tracked at once, buckets that are full again (idle users) are dropped. */
    static final int MAX_TRACKED_USERS = 10_000;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int burst, int perMinute, LongSupplier nanoClock) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalStateException("a rate limit's burst and per-minute rate must be at least 1");
        }
        this.capacity = burst;
        this.tokensPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.nanoClock = nanoClock;
    }

    /** Takes one request from the caller's bucket; empty if allowed, else how long until the next one is. */
    public Optional<Duration> tryAcquire(String user) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > MAX_TRACKED_USERS) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(user, u -> new Bucket(now)).take(now);
    }

    /** Whether the caller's bucket has a request left, without taking it: empty if so, else how long until it has. */
    public Optional<Duration> waitFor(String user) {
        Bucket bucket = buckets.get(user);
        return bucket == null ? Optional.empty() : bucket.waitFor(nanoClock.getAsLong());
    }

    int trackedUsers() {
        return buckets.size();
    }

    private final class Bucket {

        private double tokens = capacity;
        private long updatedAt;

        Bucket(long now) {
            this.updatedAt = now;
        }

        synchronized Optional<Duration> take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            long wait = (long) Math.ceil((1 - tokens) / tokensPerNano);
            return Optional.of(Duration.ofNanos(wait));
        }

        synchronized Optional<Duration> waitFor(long now) {
            refill(now);
            return tokens >= 1
                    ? Optional.empty()
                    : Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
            updatedAt = now;
        }
    }
}
