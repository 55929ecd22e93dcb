package com.eventphotos.api.domain;

/**
 * A client-supplied value made safe to repeat in an error message or a log line: at most 64 characters, one
 * line. A 9 MB field must not come back as a 9 MB error (or fill a log).
 */
public final class Echo {

    public static final int MAX_CHARS = 64;

    private Echo() {}

    public static String bounded(Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = value.toString();
        String head = text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
        if (head.length() < text.length() && Character.isHighSurrogate(head.charAt(head.length() - 1))) {
            head = head.substring(0, head.length() - 1); // never cut a code point in half
        }
        // C0/C1 controls, line and paragraph separators, and format characters (bidi overrides) could forge or hide
        // log lines and messages
        head = head.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\\p{Cf}]", "?");
        return head.length() == text.length() ? head : head + "… (" + text.length() + " characters)";
    }
}
