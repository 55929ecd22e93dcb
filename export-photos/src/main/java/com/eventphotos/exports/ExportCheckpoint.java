package com.eventphotos.exports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where the worker is in the archive it is building, saved in the job item after every part: the multipart upload,
 * its parts, and each entry so far (its CRC-32 and size, or skipped because its photo was deleted meanwhile).
 * Parts end at entry boundaries, so the next entry starts the next part and {@code written} is where it starts.
 *
 * @param archive index in the plan
 * @param uploadId null before the archive's multipart upload is created
 */
record ExportCheckpoint(int archive, String uploadId, List<Part> parts, List<DoneEntry> entries, long written) {

    record Part(int number, String etag) {}

    /** One entry of the archive: in it with its CRC-32 and size, or skipped (its photo was deleted meanwhile). */
    record DoneEntry(long crc32, long size, boolean skipped) {

        static DoneEntry skippedEntry() {
            return new DoneEntry(0, 0, true);
        }

        String encoded() {
            return skipped ? "-" : Long.toHexString(crc32) + ":" + size;
        }

        static DoneEntry decode(String text) {
            if (text.equals("-")) {
                return skippedEntry();
            }
            int colon = text.indexOf(':');
            return new DoneEntry(
                    Long.parseLong(text.substring(0, colon), 16), Long.parseLong(text.substring(colon + 1)), false);
        }
    }

    ExportCheckpoint {
        parts = List.copyOf(parts);
        entries = List.copyOf(entries);
    }

    static ExportCheckpoint start(int archive) {
        return new ExportCheckpoint(archive, null, List.of(), List.of(), 0);
    }

    ExportCheckpoint withUpload(String uploadId) {
        return new ExportCheckpoint(archive, uploadId, List.of(), List.of(), 0);
    }

    /** After a part was uploaded holding {@code newEntries} (and maybe skipped ones) in {@code length} bytes. */
    ExportCheckpoint afterPart(Part part, List<DoneEntry> newEntries, long length) {
        List<Part> allParts = new ArrayList<>(parts);
        allParts.add(part);
        List<DoneEntry> all = new ArrayList<>(entries);
        all.addAll(newEntries);
        return new ExportCheckpoint(archive, uploadId, allParts, all, written + length);
    }

    Map<String, AttributeValue> toAttribute() {
        StringBuilder encoded = new StringBuilder();
        for (DoneEntry entry : entries) {
            encoded.append(encoded.isEmpty() ? "" : ",").append(entry.encoded());
        }
        return Map.of(
                "archive", AttributeValue.fromN(Integer.toString(archive)),
                "uploadId", uploadId == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(uploadId),
                "parts",
                        AttributeValue.fromL(parts.stream()
                                .map(p -> AttributeValue.fromM(Map.of(
                                        "n", AttributeValue.fromN(Integer.toString(p.number())),
                                        "etag", AttributeValue.fromS(p.etag()))))
                                .toList()),
                "entries", AttributeValue.fromS(encoded.toString()),
                "written", AttributeValue.fromN(Long.toString(written)));
    }

    static ExportCheckpoint fromAttribute(Map<String, AttributeValue> map) {
        String encoded = map.get("entries").s();
        List<DoneEntry> entries = encoded.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(encoded.split(","))
                        .map(DoneEntry::decode)
                        .toList();
        AttributeValue uploadId = map.get("uploadId");
        return new ExportCheckpoint(
                Integer.parseInt(map.get("archive").n()),
                uploadId == null || uploadId.s() == null ? null : uploadId.s(),
                map.get("parts").l().stream()
                        .map(p -> new Part(
                                Integer.parseInt(p.m().get("n").n()),
                                p.m().get("etag").s()))
                        .toList(),
                entries,
                Long.parseLong(map.get("written").n()));
    }
}
