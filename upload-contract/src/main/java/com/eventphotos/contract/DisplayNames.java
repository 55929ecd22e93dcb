package com.eventphotos.contract;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The rule for a name people show each other (a guest's name, later a member's display name): NFC, 1 to
 * {@value #MAX_CODE_POINTS} characters after trimming, any script and emoji, and nothing that is invisible or
 * changes how the text around it is shown: no control characters, no line or paragraph separators, no format
 * characters (bidi overrides and isolates U+202A–U+202E and U+2066–U+2069, zero-width spaces, soft hyphens, tags…),
 * no lone surrogates, no unassigned code points. The one format character emoji need, the zero-width joiner
 * (U+200D, "👨‍👩‍👧"), is allowed; variation selectors (U+FE0F) are marks, not format characters, and are allowed too.
 */
public final class DisplayNames {

    public static final int MAX_CODE_POINTS = 60;

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private DisplayNames() {}

    /** The name as stored and shown (NFC, trimmed), or why it is refused. */
    public static String normalized(String name) {
        String nfc = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC)
                .strip();
        refusal(nfc).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        return nfc;
    }

    private static Optional<String> refusal(String name) {
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_CODE_POINTS) {
            return Optional.of("must be 1 to " + MAX_CODE_POINTS + " characters (after trimming)");
        }
        return name.codePoints()
                .filter(DisplayNames::hidden)
                .mapToObj("must not contain invisible or control characters such as U+%04X"::formatted)
                .findFirst();
    }

    private static boolean hidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE,
                    Character.UNASSIGNED -> true;
            case Character.FORMAT -> codePoint != ZERO_WIDTH_JOINER;
            default -> false;
        };
    }
}
