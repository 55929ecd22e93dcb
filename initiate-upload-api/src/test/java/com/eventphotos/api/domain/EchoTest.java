package com.eventphotos.api.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EchoTest {

    @Test
    void bounded_shouldKeepTheValue_whenItIsShort() {
        assertEquals("image/heic", Echo.bounded("image/heic"));
        assertEquals("", Echo.bounded(""));
        assertEquals("(none)", Echo.bounded(null));
    }

    @Test
    void bounded_shouldCutToAPrefixAndSayHowLongItWas_whenItIsLong() {
        String echoed = Echo.bounded("x".repeat(9_000_000));

        assertEquals("x".repeat(Echo.MAX_CHARS) + "… (9000000 characters)", echoed);
    }

    @Test
    void bounded_shouldNeverSplitASurrogatePair_whenTheCutFallsInsideOne() {
        String echoed = Echo.bounded("a".repeat(Echo.MAX_CHARS - 1) + "😀".repeat(10));

        assertTrue(echoed.startsWith("a".repeat(Echo.MAX_CHARS - 1) + "…"), echoed);
    }

    @Test
    void bounded_shouldReplaceControlCharacters_whenTheyCouldForgeLogLines() {
        assertEquals("a?b?c", Echo.bounded("a\nb\rc"));
        assertEquals("a?b?c?d", Echo.bounded("a\u2028b\u0085c\u202Ed"));
    }
}
