package com.eventphotos.contract.live;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.eventphotos.contract.EventId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveChannelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"party", "party-2026", "a_b", "zz", "z-_z", "-", "_", "Z9", "x"})
    void gallery_shouldBeAValidChannelThatNamesTheEvent_forEveryEventId(String eventId) {
        String channel = LiveChannels.gallery(eventId);

        assertTrue(LiveChannels.isValid(channel), channel);
        assertEquals(Optional.of(eventId), LiveChannels.eventIdOf(channel));
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 51, 64})
    void gallery_shouldSplitIntoSegmentsOfFifty_whenTheIdIsLong(int length) {
        String eventId = "_".repeat(length); // each _ is written as two characters
        assertTrue(EventId.isValid(eventId));

        String channel = LiveChannels.gallery(eventId);

        assertTrue(LiveChannels.isValid(channel), channel);
        assertTrue(channel.split("/").length - 1 <= LiveChannels.MAX_SEGMENTS, channel);
        assertEquals(Optional.of(eventId), LiveChannels.eventIdOf(channel));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/gallery",
                "/gallery/*",
                "/gallery/party_2026",
                "/gallery/x/",
                "/other/party",
                "gallery/x",
                "/gallery/zq",
                "/gallery/z",
                "/gallery/pa/rty"
            })
    void eventIdOf_shouldBeEmpty_whenTheChannelIsNotExactlyAnEventsGallery(String channel) {
        assertEquals(Optional.empty(), LiveChannels.eventIdOf(channel));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/a//b", "/-a", "/a-", "/a_b", "/a/b/c/d/e/f", "/*"})
    void isValid_shouldRefuse_whatAppSyncRefuses(String channel) {
        assertFalse(LiveChannels.isValid(channel), channel);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gallery/*", "/a/b/*"})
    void isValidSubscription_shouldAllowATrailingWildcard(String channel) {
        assertTrue(LiveChannels.isValidSubscription(channel));
        assertTrue(LiveChannels.matches(channel, channel.replace("*", "x")));
    }
}
