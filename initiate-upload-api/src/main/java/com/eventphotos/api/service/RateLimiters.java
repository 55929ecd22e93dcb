package com.eventphotos.api.service;

import com.eventphotos.api.UploadApiConfig;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The API's rate limits, each from its configuration. */
public class RateLimiters {

    /** Per user or guest (the token's subject): upload starts, a batch of photos counting as one. */
    public static final String UPLOAD_STARTS = "upload-starts";

    /** Per client address: guest sessions started; loose, since a venue's guests share one address. */
    public static final String GUEST_SESSIONS = "guest-sessions";

    /** Per client address: guest-session requests with a code that names no link. */
    public static final String UNKNOWN_GUEST_CODES = "unknown-guest-codes";

    /** Per guest link: sessions started on it, whoever starts them. */
    public static final String GUEST_SESSIONS_PER_LINK = "guest-sessions-per-link";

    @Produces
    @Singleton
    @Named(UPLOAD_STARTS)
    RateLimiter uploadStarts(UploadApiConfig config) {
        return new RateLimiter(config.rateLimit().burst(), config.rateLimit().uploadsPerMinute(), System::nanoTime);
    }

    @Produces
    @Singleton
    @Named(GUEST_SESSIONS)
    RateLimiter guestSessions(UploadApiConfig config) {
        return new RateLimiter(
                config.guests().sessionBurstPerAddress(),
                config.guests().sessionsPerMinutePerAddress(),
                System::nanoTime);
    }

    @Produces
    @Singleton
    @Named(UNKNOWN_GUEST_CODES)
    RateLimiter unknownGuestCodes(UploadApiConfig config) {
        return new RateLimiter(
                config.guests().unknownCodeBurstPerAddress(),
                config.guests().unknownCodesPerMinutePerAddress(),
                System::nanoTime);
    }

    @Produces
    @Singleton
    @Named(GUEST_SESSIONS_PER_LINK)
    RateLimiter guestSessionsPerLink(UploadApiConfig config) {
        return new RateLimiter(
                config.guests().sessionBurstPerLink(), config.guests().sessionsPerMinutePerLink(), System::nanoTime);
    }
}
