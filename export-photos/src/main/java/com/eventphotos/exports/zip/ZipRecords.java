package com.eventphotos.exports.zip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The byte layout of a ZIP archive of stored (uncompressed) entries, as PKWARE's APPNOTE 6.3.10 describes it: a local
 * header before each entry's bytes, then the central directory and its end records, with the ZIP64 forms where an
 * offset, a size or the entry count does not fit the classic fields. Names are UTF-8 and flagged so (bit 11), and
 * each entry carries its time in UTC (the extended-timestamp field) besides the DOS time, so unzip restores it
 * whatever the reader's time zone.
 *
 * <p>Each entry's CRC-32 is known before its header is written (the archive builder holds the entry in its part
 * buffer and fills the CRC in), so no data descriptors are needed and every size is in the local header.
 */
public final class ZipRecords {

    static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;
    static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    static final int ZIP64_END_SIGNATURE = 0x06064b50;
    static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    static final int END_SIGNATURE = 0x06054b50;

    static final int UTF8_NAMES = 1 << 11;
    static final int STORED = 0;
    static final int VERSION_STORED = 10;
    static final int VERSION_ZIP64 = 45;
    static final long MAX_32 = 0xFFFFFFFFL;
    static final int MAX_16 = 0xFFFF;
    private static final short EXTENDED_TIMESTAMP = 0x5455;
    private static final short ZIP64_EXTRA = 0x0001;
    private static final int EXTENDED_TIMESTAMP_LENGTH = 9;
    /** Where the CRC-32 sits in a local header, from its start. */
    public static final int LOCAL_HEADER_CRC_OFFSET = 14;

    private static final int LOCAL_HEADER_FIXED = 30;
    private static final int CENTRAL_HEADER_FIXED = 46;
    private static final int ZIP64_OFFSET_EXTRA_LENGTH = 12;
    private static final int ZIP64_END_LENGTH = 56;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int END_LENGTH = 22;

    /** An entry as the central directory lists it. */
    public record Entry(String name, Instant modified, long size, long crc32, long offset) {

        byte[] nameBytes() {
            return name.getBytes(StandardCharsets.UTF_8);
        }
    }

    private ZipRecords() {}

    /** Bytes of the local header of an entry named {@code name}. */
    public static int localHeaderLength(String name) {
        return LOCAL_HEADER_FIXED + name.getBytes(StandardCharsets.UTF_8).length + EXTENDED_TIMESTAMP_LENGTH;
    }

    /** Bytes an entry takes in the central directory, at most (with a ZIP64 offset). */
    public static int centralHeaderMaxLength(String name) {
        return CENTRAL_HEADER_FIXED
                + name.getBytes(StandardCharsets.UTF_8).length
                + EXTENDED_TIMESTAMP_LENGTH
                + ZIP64_OFFSET_EXTRA_LENGTH;
    }

    /** Bytes of the end records, at most. */
    public static int endMaxLength() {
        return ZIP64_END_LENGTH + ZIP64_LOCATOR_LENGTH + END_LENGTH;
    }

    /**
     * The local header of a stored entry of {@code size} bytes (entries are below 4 GiB: uploads are far smaller);
     * {@code crc32} may be 0 and filled in at {@link #LOCAL_HEADER_CRC_OFFSET} once known.
     */
    public static byte[] localHeader(String name, Instant modified, long size, long crc32) {
        if (size >= MAX_32) {
            throw new IllegalArgumentException("entries of 4 GiB or more are not supported: " + name);
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = little(LOCAL_HEADER_FIXED + nameBytes.length + EXTENDED_TIMESTAMP_LENGTH);
        header.putInt(LOCAL_HEADER_SIGNATURE);
        header.putShort((short) VERSION_STORED);
        header.putShort((short) UTF8_NAMES);
        header.putShort((short) STORED);
        putDosTime(header, modified);
        header.putInt((int) crc32);
        header.putInt((int) size);
        header.putInt((int) size);
        header.putShort((short) nameBytes.length);
        header.putShort((short) EXTENDED_TIMESTAMP_LENGTH);
        header.put(nameBytes);
        putExtendedTimestamp(header, modified);
        return header.array();
    }

    /**
     * The central directory and end records of an archive whose entries are {@code entries} and whose directory
     * starts at {@code directoryOffset}. {@code forceZip64} writes the ZIP64 forms even where the classic fields would
     * do (tests of readers, without writing 4 GiB).
     */
    public static byte[] directoryAndEnd(List<Entry> entries, long directoryOffset, boolean forceZip64) {
        int capacity = endMaxLength();
        for (Entry entry : entries) {
            capacity += centralHeaderMaxLength(entry.name());
        }
        ByteBuffer out = little(capacity);
        for (Entry entry : entries) {
            putCentralHeader(out, entry, forceZip64);
        }
        long directoryLength = out.position();
        long endOffset = directoryOffset + directoryLength;
        boolean zip64 =
                forceZip64 || entries.size() >= MAX_16 || directoryOffset >= MAX_32 || directoryLength >= MAX_32;
        if (zip64) {
            out.putInt(ZIP64_END_SIGNATURE);
            out.putLong(ZIP64_END_LENGTH - 12);
            out.putShort((short) VERSION_ZIP64);
            out.putShort((short) VERSION_ZIP64);
            out.putInt(0);
            out.putInt(0);
            out.putLong(entries.size());
            out.putLong(entries.size());
            out.putLong(directoryLength);
            out.putLong(directoryOffset);
            out.putInt(ZIP64_LOCATOR_SIGNATURE);
            out.putInt(0);
            out.putLong(endOffset);
            out.putInt(1);
        }
        out.putInt(END_SIGNATURE);
        out.putShort((short) 0);
        out.putShort((short) 0);
        short count = (short) (zip64 ? MAX_16 : entries.size());
        out.putShort(count);
        out.putShort(count);
        out.putInt((int) (zip64 ? MAX_32 : directoryLength));
        out.putInt((int) (zip64 ? MAX_32 : directoryOffset));
        out.putShort((short) 0);
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    private static void putCentralHeader(ByteBuffer out, Entry entry, boolean forceZip64) {
        byte[] name = entry.nameBytes();
        boolean zip64Offset = forceZip64 || entry.offset() >= MAX_32;
        out.putInt(CENTRAL_HEADER_SIGNATURE);
        out.putShort((short) VERSION_ZIP64); // made by: MS-DOS attributes, spec version 4.5
        out.putShort((short) (zip64Offset ? VERSION_ZIP64 : VERSION_STORED));
        out.putShort((short) UTF8_NAMES);
        out.putShort((short) STORED);
        putDosTime(out, entry.modified());
        out.putInt((int) entry.crc32());
        out.putInt((int) entry.size());
        out.putInt((int) entry.size());
        out.putShort((short) name.length);
        out.putShort((short) (EXTENDED_TIMESTAMP_LENGTH + (zip64Offset ? ZIP64_OFFSET_EXTRA_LENGTH : 0)));
        out.putShort((short) 0); // comment
        out.putShort((short) 0); // disk
        out.putShort((short) 0); // internal attributes
        out.putInt(0); // external attributes
        out.putInt((int) (zip64Offset ? MAX_32 : entry.offset()));
        out.put(name);
        putExtendedTimestamp(out, entry.modified());
        if (zip64Offset) {
            out.putShort(ZIP64_EXTRA);
            out.putShort((short) 8);
            out.putLong(entry.offset());
        }
    }

    /** The extended timestamp: modification time only, seconds since 1970 (UTC), as unzip and 7-Zip read it. */
    private static void putExtendedTimestamp(ByteBuffer out, Instant modified) {
        out.putShort(EXTENDED_TIMESTAMP);
        out.putShort((short) 5);
        out.put((byte) 1);
        out.putInt((int) Math.max(0, Math.min(Integer.MAX_VALUE, modified.getEpochSecond())));
    }

    /** DOS date and time (2-second steps, 1980 to 2107) of {@code instant} in UTC. */
    private static void putDosTime(ByteBuffer out, Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (time.getYear() < 1980) {
            time = LocalDateTime.of(1980, 1, 1, 0, 0);
        } else if (time.getYear() > 2107) {
            time = LocalDateTime.of(2107, 12, 31, 23, 59, 58);
        }
        out.putShort((short) ((time.getHour() << 11) | (time.getMinute() << 5) | (time.getSecond() / 2)));
        out.putShort((short) (((time.getYear() - 1980) << 9) | (time.getMonthValue() << 5) | time.getDayOfMonth()));
    }

    private static ByteBuffer little(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }
}
