package com.eventphotos.contract;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * File names made from what users typed (titles, names), for the files people save: the archive's entries and the
 * name a downloaded original is saved under. Korean, emoji and every other letter stay as they are.
 */
public final class FileNames {

    private FileNames() {}

    /**
     * {@code text} as one safe path segment: NFC, no control or direction-override characters, none of {@code / \ :
     * * ? " < > |}, whitespace runs as one space, no leading or trailing dots or spaces, at most {@code max} code points.
     */
    public static String safe(String text, int max, String fallback) {
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

    /**
     * A {@code Content-Disposition} that saves the response as {@code fileName}: an ASCII {@code filename} for old
     * clients ({@code _} for the rest) and the exact name as RFC 6266's {@code filename*} in UTF-8.
     */
    public static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints()
                .forEach(cp -> ascii.append(
                        cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' && cp != '%' ? (char) cp : '_'));
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
