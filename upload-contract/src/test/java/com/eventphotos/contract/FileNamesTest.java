package com.eventphotos.contract;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileNamesTest {

    @Test
    void safe_shouldKeepKoreanAndEmoji_andReplaceWhatFileSystemsRefuse() {
        assertEquals("엄마의 60번째 생일 🎉", FileNames.safe("  엄마의\t60번째   생일 🎉 ", 80, "untitled"));
        assertEquals("a_b_c_d", FileNames.safe("a/b\\c:d", 80, "untitled"));
        assertEquals("passwd", FileNames.safe("..\u202Epasswd\u0000..", 80, "untitled"));
        assertEquals("untitled", FileNames.safe(" . ", 80, "untitled"));
        assertEquals("가나", FileNames.safe("가나다", 2, "untitled"));
    }

    @Test
    void attachment_shouldOfferAnAsciiNameAndTheExactNameInUtf8() {
        assertEquals(
                "attachment; filename=\"Mom's 60th (garden)!.jpg\"; filename*=UTF-8''Mom%27s%2060th%20%28garden%29%21.jpg",
                FileNames.attachment("Mom's 60th (garden)!.jpg"));
        assertEquals(
                "attachment; filename=\"__ _ 60.jpg\"; filename*=UTF-8''%EC%97%84%EB%A7%88%20%F0%9F%8E%89%2060.jpg",
                FileNames.attachment("엄마 🎉 60.jpg"));
    }
}
