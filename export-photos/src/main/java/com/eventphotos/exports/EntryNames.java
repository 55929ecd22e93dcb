package com.eventphotos.exports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.eventphotos.contract.FileNames;

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
        String base = TIME.format(uploadedAt) + "_" + FileNames.safe(uploader, MAX_UPLOADER, "unknown") + "_"
                + FileNames.safe(title, MAX_TITLE, "untitled");
        String name = base + "." + extension;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + " (" + n + ")." + extension;
        }
        return name;
    }
}
