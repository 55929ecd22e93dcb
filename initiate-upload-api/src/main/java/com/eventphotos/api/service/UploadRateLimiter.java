package com.eventphotos.api.service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.eventphotos.api.UploadApiConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A token bucket per user (the token's subject) for initiate-upload: {@code burst} uploads at once, refilled at
 * {@code uploads-per-minute}. Per API instance: the HTTP API's stage throttling bounds all callers together, this
 * bounds one signed-in user who scripts the endpoint.
 */
@ApplicationScoped
public class UploadRateLimiter {

    /** Beyond this many users tracked at once, buckets that are full again (idle users) are dropped. */
    static final int MAX_TRACKED_USERS = 10_000;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    UploadRateLimiter(UploadApiConfig config) {
        this(config.rateLimit().burst(), config.rateLimit().uploadsPerMinute(), System::nanoTime);
    }

    UploadRateLimiter(int burst, int uploadsPerMinute, LongSupplier nanoClock) {
        if (burst < 1 || uploadsPerMinute < 1) {
            throw new IllegalStateException("event-photos.rate-limit: burst and uploads-per-minute must be at least 1");
        }
        this.capacity = burst;
        this.tokensPerNano = uploadsPerMinute / (double) Duration.ofMinutes(1).toNanos();
        this.nanoClock = nanoClock;
    }

    /** Takes one upload from the user's bucket; empty if allowed, else how long until the next one is. */
    public Optional<Duration> tryAcquire(String user) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > MAX_TRACKED_USERS) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(user, u -> new Bucket(now)).take(now);
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
