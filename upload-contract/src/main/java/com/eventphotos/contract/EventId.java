package com.eventphotos.contract;

import java.util.regex.Pattern;

/** An event id is used verbatim in S3 keys and DynamoDB keys, so it is restricted to a URL- and key-safe alphabet. */
public final class EventId {

    public static final String REGEX = "[A-Za-z0-9_-]{1,64}";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private EventId() {}

    public static boolean isValid(String eventId) {
        return eventId != null && PATTERN.matcher(eventId).matches();
    }
}
