package com.eventphotos.api.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.eventphotos.contract.EventId;

/**
 * An invite code, {@code {eventId}~{secret}}: the secret is 128 random bits (22 URL-safe characters), so codes
 * cannot be guessed; the event id in front lets accepting it read one item by key.
 */
public record InviteCode(String eventId, String secret) {

    private static final Pattern FORMAT = Pattern.compile("(" + EventId.REGEX + ")~([A-Za-z0-9_-]{22})");
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Outside the event id's alphabet, unreserved in URLs, and not a dot: static hosts (and this project's local
     * stand-in) treat a last path segment with a dot as a file, not as the web client's /join/{code} route.
     */
    static final String SEPARATOR = "~";

    public static InviteCode generate(String eventId) {
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        return new InviteCode(eventId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Empty for anything that is not a code's shape (then no such invite exists). */
    public static Optional<InviteCode> parse(String code) {
        if (code == null || code.length() > 100) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(code);
        return matcher.matches() ? Optional.of(new InviteCode(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    @Override
    public String toString() {
        return eventId + SEPARATOR + secret;
    }
}
