package com.eventphotos.api.service;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.eventphotos.api.domain.InviteCode;
import com.eventphotos.api.domain.InviteNotFoundException;
import com.eventphotos.api.error.TooManyUploadsException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The three limits on starting guest sessions (the one endpoint anyone may call without a token), each a token bucket
 * per API instance ({@link RateLimiters}): per source address, per source for codes that do not exist, per link.
 */
@ApplicationScoped
public class GuestSessionLimits {

    @Inject
    @Named(RateLimiters.GUEST_SESSIONS)
    RateLimiter perSource;

    @Inject
    @Named(RateLimiters.UNKNOWN_GUEST_CODES)
    RateLimiter unknownCodesPerSource;

    @Inject
    @Named(RateLimiters.GUEST_SESSIONS_PER_LINK)
    RateLimiter perLink;

    /** A source may start so many sessions; one that sent too many unknown codes waits before any other. */
    void requireSourceMayStart(String source) {
        refuseIfWaiting(unknownCodesPerSource.waitFor(source), "too many unknown guest links from your address");
        refuseIfWaiting(perSource.tryAcquire(source), "too many guest sessions from your address");
    }

    /** Looks the link up; a code that names no link costs the source one of its few tries. */
    <T> T countingUnknownCodes(String source, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (InviteNotFoundException unknown) {
            unknownCodesPerSource.tryAcquire(source);
            throw unknown;
        }
    }

    void requireLinkMayStart(InviteCode link) {
        refuseIfWaiting(perLink.tryAcquire(link.toString()), "too many guest sessions are starting on this link");
    }

    private static void refuseIfWaiting(Optional<Duration> wait, String why) {
        wait.ifPresent(duration -> {
            throw new TooManyUploadsException(duration, why);
        });
    }
}
