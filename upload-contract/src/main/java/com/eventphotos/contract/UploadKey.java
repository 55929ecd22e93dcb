package com.eventphotos.contract;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an upload lives in the bucket: {@code uploads/event_{eventId}/{photoId}.{suffix}}.
 * The API builds keys with {@link #toString()}; the processor recognises them with {@link #parse(String)}.
 */
public record UploadKey(String eventId, UUID photoId, PhotoContentType contentType) {

    public static final String PREFIX = "uploads/";
    private static final Pattern LAYOUT =
            Pattern.compile(Pattern.quote(PREFIX) + "event_(" + EventId.REGEX + ")/([0-9a-f-]{36})\\.([a-z]+)");

    public UploadKey {
        Objects.requireNonNull(photoId, "photoId");
        Objects.requireNonNull(contentType, "contentType");
        if (!EventId.isValid(eventId)) {
            throw new IllegalArgumentException("eventId must match " + EventId.REGEX + ": " + eventId);
        }
    }

    /** Parses a (URL-decoded) object key; empty when the key does not follow our layout. */
    public static Optional<UploadKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = LAYOUT.matcher(key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<UUID> photoId = parseCanonicalUuid(matcher.group(2));
        Optional<PhotoContentType> type = PhotoContentType.fromSuffix(matcher.group(3));
        if (photoId.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UploadKey(matcher.group(1), photoId.get(), type.get()));
    }

    private static Optional<UUID> parseCanonicalUuid(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            // UUID.fromString accepts non-canonical forms; a key we issued always has the canonical one.
            return uuid.toString().equals(text) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return PREFIX + "event_" + eventId + "/" + photoId + "." + contentType.suffix();
    }
}
