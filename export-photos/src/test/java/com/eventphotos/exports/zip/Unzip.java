package com.eventphotos.exports.zip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Info-ZIP's {@code unzip -t}: the archive as a standard tool other than the JDK reads it (CI installs it). */
public final class Unzip {

    private Unzip() {}

    public static void assertIntact(Path zip) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unzip")), "Debian's unzip is not installed");
        Process unzip = new ProcessBuilder("unzip", "-t", zip.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, unzip.waitFor(), output);
        assertTrue(output.contains("No errors detected"), output);
    }
}
