package com.eventphotos.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataValueCodecTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "서울 불꽃축제 2026",
                "🎆🎇 fireworks 🎆",
                "a + b = c & 100% done",
                "  leading and trailing  ",
                "double  space",
                "line one\nline two\ttab",
                "=?UTF-8?B?7ISc7Jq4?=",
                "looks =? like a word",
                "",
                "plain title",
                "ÄÖÜ café",
            })
    void roundTripsExactly(String value) {
        assertEquals(value, MetadataValueCodec.decode(MetadataValueCodec.encode(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"서울 불꽃축제", "🎆", "a\nb", " x", "café"})
    void encode_shouldProducePrintableAscii_always(String value) {
        String encoded = MetadataValueCodec.encode(value);
        assertTrue(encoded.chars().allMatch(c -> c >= 0x20 && c <= 0x7E), encoded);
    }

    @Test
    void encode_shouldKeepPlainAsciiReadable_always() {
        assertEquals(
                "Opening night + afterparty = 100%", MetadataValueCodec.encode("Opening night + afterparty = 100%"));
    }

    @Test
    void decode_shouldReadWhatRealS3Returns_whenMetadataIsNonAscii() {
        // S3 returns non-ASCII metadata as RFC 2047 encoded-words, possibly split over several words.
        assertEquals("서울", MetadataValueCodec.decode("=?UTF-8?B?7ISc7Jq4?="));
        assertEquals("서울", MetadataValueCodec.decode("=?UTF-8?B?7ISc?= =?UTF-8?B?7Jq4?="));
        assertEquals("café au lait", MetadataValueCodec.decode("=?utf-8?Q?caf=C3=A9_au_lait?="));
    }

    @Test
    void decode_shouldLeaveTextAlone_whenAnEncodedWordIsOnlyInside() {
        assertEquals("see =?UTF-8?B?7ISc?= here", MetadataValueCodec.decode("see =?UTF-8?B?7ISc?= here"));
    }

    @Test
    void decode_shouldFail_whenCharsetIsUnknown() {
        assertThrows(IllegalArgumentException.class, () -> MetadataValueCodec.decode("=?x-no-such-charset?B?AAAA?="));
    }
}
