package com.eventphotos.contract.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.eventphotos.contract.EventId;

/**
 * The channel layout: one channel per event in the {@value #NAMESPACE} namespace, {@code /gallery/{event}}.
 * AppSync Events allows only letters, digits and inner dashes in a segment, at most 50 characters, while event
 * ids also have {@code _} and up to 64 characters; so an id is written with {@code z} as escape ({@code zz} = z,
 * {@code zd} = -, {@code zu} = _) and split into segments of 50: {@code party-2026} is {@code /gallery/partyzd2026}.
 */
public final class LiveChannels {

    public static final String NAMESPACE = "gallery";

    /** AppSync Events' rules: at most 5 segments, each 1–50 letters, digits and inner dashes. */
    public static final int MAX_SEGMENTS = 5;

    private static final int SEGMENT_LENGTH = 50;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?");

    private LiveChannels() {}

    /** The channel of an event's galleries and walls. */
    public static String gallery(String eventId) {
        if (!EventId.isValid(eventId)) {
            throw new IllegalArgumentException("not an event id: " + eventId);
        }
        StringBuilder encoded = new StringBuilder();
        for (char c : eventId.toCharArray()) {
            switch (c) {
                case 'z' -> encoded.append("zz");
                case '-' -> encoded.append("zd");
                case '_' -> encoded.append("zu");
                default -> encoded.append(c);
            }
        }
        StringBuilder channel = new StringBuilder("/").append(NAMESPACE);
        for (int start = 0; start < encoded.length(); start += SEGMENT_LENGTH) {
            channel.append('/').append(encoded, start, Math.min(encoded.length(), start + SEGMENT_LENGTH));
        }
        return channel.toString();
    }

    /** The event whose gallery {@code channel} is; empty for any other channel. */
    public static Optional<String> eventIdOf(String channel) {
        List<String> segments = segments(channel);
        if (segments.size() < 2 || !segments.get(0).equals(NAMESPACE)) {
            return Optional.empty();
        }
        String encoded = String.join("", segments.subList(1, segments.size()));
        StringBuilder eventId = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == 'z') {
                if (++i == encoded.length()) {
                    return Optional.empty();
                }
                switch (encoded.charAt(i)) {
                    case 'z' -> eventId.append('z');
                    case 'd' -> eventId.append('-');
                    case 'u' -> eventId.append('_');
                    default -> {
                        return Optional.empty();
                    }
                }
            } else if (c == '-') {
                return Optional.empty();
            } else {
                eventId.append(c);
            }
        }
        String id = eventId.toString();
        // one spelling per event: a channel that is not exactly the event's is not its channel
        return EventId.isValid(id) && gallery(id).equals(channel) ? Optional.of(id) : Optional.empty();
    }

    /** Whether AppSync Events would take {@code channel} to publish to (no wildcard). */
    public static boolean isValid(String channel) {
        List<String> segments = segments(channel);
        return !segments.isEmpty()
                && segments.size() <= MAX_SEGMENTS
                && segments.stream().allMatch(s -> SEGMENT.matcher(s).matches());
    }

    /** Whether {@code channel} is a valid subscription: a channel, or one ending in a {@code /*} wildcard. */
    public static boolean isValidSubscription(String channel) {
        return isValid(channel)
                || (channel != null
                        && channel.endsWith("/*")
                        && channel.length() > 2
                        && isValid(channel.substring(0, channel.length() - 2))
                        && segments(channel).size() <= MAX_SEGMENTS);
    }

    /** Whether an event published to {@code channel} reaches a subscription to {@code subscription}. */
    public static boolean matches(String subscription, String channel) {
        if (subscription.endsWith("/*")) {
            return channel.startsWith(subscription.substring(0, subscription.length() - 1));
        }
        return subscription.equals(channel);
    }

    private static List<String> segments(String channel) {
        if (channel == null || !channel.startsWith("/")) {
            return List.of();
        }
        List<String> segments = new ArrayList<>(List.of(channel.substring(1).split("/", -1)));
        if (segments.size() > 1 && segments.get(segments.size() - 1).equals("*")) {
            segments.remove(segments.size() - 1);
            segments.add("*");
        }
        return segments;
    }
}
