package com.eventphotos.exports.zip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ZipRecordsTest {

    private static final Instant TAKEN = Instant.parse("2026-06-13T18:42:07Z");
    private static final List<String> NAMES = List.of(
            "2026-06-13_184207_지민_케이크 자르기.jpg", "2026-06-13_184207_Ana_🎉 Mom's 60th (garden)!.jpg", "plain.png");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "zip64 forced: {0}")
    @ValueSource(booleans = {false, true})
    void archive_isReadByTheJdk_withUtf8NamesTimesAndBytes(boolean zip64) throws IOException {
        List<byte[]> contents = contents();
        Path zip = write(contents, zip64);

        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            List<? extends ZipEntry> entries = file.stream().toList();
            assertEquals(NAMES, entries.stream().map(ZipEntry::getName).toList());
            for (int i = 0; i < entries.size(); i++) {
                ZipEntry entry = entries.get(i);
                assertEquals(ZipEntry.STORED, entry.getMethod());
                assertEquals(TAKEN, entry.getLastModifiedTime().toInstant());
                try (InputStream in = file.getInputStream(entry)) {
                    assertArrayEquals(contents.get(i), in.readAllBytes(), entry.getName());
                }
            }
        }
    }

    @ParameterizedTest(name = "zip64 forced: {0}")
    @ValueSource(booleans = {false, true})
    void archive_passesUnzipsIntegrityTest(boolean zip64) throws IOException, InterruptedException {
        Path zip = write(contents(), zip64);

        Unzip.assertIntact(zip);
    }

    private static List<byte[]> contents() {
        Random random = new Random(42);
        List<byte[]> contents = new ArrayList<>();
        for (int size : new int[] {70_000, 1, 300_000}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            contents.add(bytes);
        }
        return contents;
    }

    private Path write(List<byte[]> contents, boolean zip64) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ZipRecords.Entry> directory = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            CRC32 crc = new CRC32();
            crc.update(contents.get(i));
            directory.add(
                    new ZipRecords.Entry(NAMES.get(i), TAKEN, contents.get(i).length, crc.getValue(), out.size()));
            out.write(ZipRecords.localHeader(NAMES.get(i), TAKEN, contents.get(i).length, crc.getValue()));
            out.write(contents.get(i));
        }
        out.write(ZipRecords.directoryAndEnd(directory, out.size(), zip64));
        Path zip = dir.resolve("test-" + zip64 + ".zip");
        Files.write(zip, out.toByteArray());
        return zip;
    }
}
