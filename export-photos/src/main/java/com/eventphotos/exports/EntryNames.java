package com.eventphotos.exports;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * File names of an archive's entries: {@code {yyyy-MM-dd_HHmmss}_{uploader}_{title}.{ext}} (upload time in UTC),
 * safe on every file system people unzip onto and unique within the archive, case-insensitively (as Windows and
 * macOS compare names): a second "Cake" becomes {@code … Cake (2).jpg}. Korean, emoji and every other letter stay as
 * they are (the archive flags its names as UTF-8).
 */
final class EntryNames {

    static final int MAX_TITLE = 80;
    static final int MAX_UPLOADER = 40;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss").withZone(ZoneOffset.UTC);

    private final Set<String> taken = new HashSet<>();

    /** A name no earlier call of this instance returned (ignoring case). */
    String next(Instant uploadedAt, String uploader, String title, String extension) {
        String base = TIME.format(uploadedAt) + "_" + safe(uploader, MAX_UPLOADER, "unknown") + "_"
                + safe(title, MAX_TITLE, "untitled");
        String name = base + "." + extension;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + " (" + n + ")." + extension;
        }
        return name;
    }

    /**
     * {@code text} as one safe path segment: NFC, no control or direction-override characters, none of {@code / \ :
     * * ? " < > |}, whitespace runs as one space, no leading or trailing dots or spaces, at most {@code max} code points.
     */
    static String safe(String text, int max, String fallback) {
        if (text == null) {
            return fallback;
        }
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int cp :
                Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().toArray()) {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
                continue;
            }
            if (dropped(cp)) {
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint("/\\:*?\"<>|".indexOf(cp) >= 0 ? '_' : cp);
        }
        String trimmed = trimDots(out.toString());
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            trimmed = trimDots(trimmed.substring(0, trimmed.offsetByCodePoints(0, max)));
        }
        return trimmed.isEmpty() ? fallback : trimmed;
    }

    private static boolean dropped(int cp) {
        int type = Character.getType(cp);
        boolean bidiControl = (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E
                || cp == 0x200F
                || cp == 0x061C;
        return type == Character.CONTROL
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || bidiControl;
    }

    private static String trimDots(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == '.' || text.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(start, end);
    }
}
