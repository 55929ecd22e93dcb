package com.eventphotos.exports;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EntryNamesTest {

    private static final Instant AT = Instant.parse("2026-06-13T18:42:07.250Z");

    @Test
    void name_keepsKoreanEmojiAndPunctuation_inTheDocumentedLayout() {
        EntryNames names = new EntryNames();

        assertEquals("2026-06-13_184207_지민_케이크 자르기 🎂.jpg", names.next(AT, "지민", "케이크 자르기 🎂", "jpg"));
        assertEquals(
                "2026-06-13_184207_organiser_Mom's 60th (garden)!.png",
                names.next(AT, "organiser", "Mom's 60th (garden)!", "png"));
    }

    @Test
    void name_replacesPathAndReservedCharacters_andDropsControls() {
        EntryNames names = new EntryNames();

        assertEquals("2026-06-13_184207_a_b_c__.._etc_passwd.jpg", names.next(AT, "a/b\\c", "../../etc/passwd", "jpg"));
        assertEquals("2026-06-13_184207_x_evilgpj.exe.jpg", names.next(AT, "x", "evil\u202Egpj.exe\u0000\n", "jpg"));
        assertEquals("2026-06-13_184207_unknown_untitled.jpg", names.next(AT, null, " . ", "jpg"));
    }

    @Test
    void name_isUniqueIgnoringCase() {
        EntryNames names = new EntryNames();

        assertEquals("2026-06-13_184207_ana_Cake.jpg", names.next(AT, "ana", "Cake", "jpg"));
        assertEquals("2026-06-13_184207_ana_cake (2).jpg", names.next(AT, "ana", "cake", "jpg"));
        assertEquals("2026-06-13_184207_ana_Cake (3).jpg", names.next(AT, "ana", "Cake", "jpg"));
    }

    @Test
    void longTitles_areCutAtWholeCodePoints() {
        String title = "🎉".repeat(200);

        String name = new EntryNames().next(AT, "ana", title, "jpg");

        assertEquals("2026-06-13_184207_ana_" + "🎉".repeat(EntryNames.MAX_TITLE) + ".jpg", name);
    }
}
