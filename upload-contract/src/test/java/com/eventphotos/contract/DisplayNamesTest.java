package com.eventphotos.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DisplayNamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Oma Ingrid 🌷",
                "김민지",
                "Mom's 60th (garden)!",
                "👨‍👩‍👧 family", // zero-width joiners
                "❤️ Jae", // variation selector 16
                "مریم", // right-to-left script, no override
            })
    void accepts_namesOfEveryScriptAndEmoji(String name) {
        assertEquals(name, DisplayNames.normalized("  " + name + " "));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil\u202Egnp.exe", // right-to-left override
                "a\u202Ab",
                "a\u202Bb",
                "a\u202Cb",
                "a\u202Db", // embeddings and pop
                "a\u2066b",
                "a\u2067b",
                "a\u2068b",
                "a\u2069b", // isolates
                "a\u200Bb", // zero-width space
                "a\u00ADb", // soft hyphen
                "a\uFEFFb", // byte order mark
                "a\u200Eb", // left-to-right mark
                "a\u0007b",
                "a\nb", // control characters
                "a\u2028b", // line separator
                "a\uDB40\uDC41b", // tag character
                "a\uD800b", // lone surrogate
            })
    void refuses_invisibleAndReorderingCharacters(String name) {
        assertThrows(IllegalArgumentException.class, () -> DisplayNames.normalized(name));
    }

    @Test
    void normalizesToNfc_andCountsCodePoints() {
        assertEquals("\u00E9", DisplayNames.normalized("e\u0301"));
        assertEquals("🎉".repeat(60), DisplayNames.normalized("🎉".repeat(60)));
        assertThrows(IllegalArgumentException.class, () -> DisplayNames.normalized("🎉".repeat(61)));
        assertThrows(IllegalArgumentException.class, () -> DisplayNames.normalized("   "));
        assertThrows(IllegalArgumentException.class, () -> DisplayNames.normalized(null));
    }
}
