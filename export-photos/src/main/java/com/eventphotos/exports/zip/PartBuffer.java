package com.eventphotos.exports.zip;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bytes of the archive part being assembled, in fixed 1 MiB chunks: growing never copies (as a doubling array
 * would, with two copies alive at once), and chunks are reused for the next part, so the worker's memory is the
 * largest part it ever held and no more.
 */
public final class PartBuffer {

    static final int CHUNK = 1 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    public long size() {
        return size;
    }

    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            int chunk = (int) (size / CHUNK);
            int within = (int) (size % CHUNK);
            if (chunk == chunks.size()) {
                chunks.add(new byte[CHUNK]);
            }
            int n = Math.min(length, CHUNK - within);
            System.arraycopy(bytes, offset, chunks.get(chunk), within, n);
            offset += n;
            length -= n;
            size += n;
        }
    }

    /** Overwrites four bytes, little-endian, at {@code position} (already written). */
    public void putIntLittleEndian(long position, int value) {
        if (position < 0 || position + 4 > size) {
            throw new IndexOutOfBoundsException(position);
        }
        for (int i = 0; i < 4; i++) {
            long at = position + i;
            chunks.get((int) (at / CHUNK))[(int) (at % CHUNK)] = (byte) (value >>> (8 * i));
        }
    }

    /** A fresh stream over the bytes written (each call starts again: the SDK may retry a part). */
    public InputStream newInputStream() {
        List<InputStream> parts = new ArrayList<>();
        long left = size;
        for (byte[] chunk : chunks) {
            if (left == 0) {
                break;
            }
            int n = (int) Math.min(left, CHUNK);
            parts.add(new ByteArrayInputStream(chunk, 0, n));
            left -= n;
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /** Empties the buffer, keeping its chunks for the next part. */
    public void clear() {
        size = 0;
    }

    /** Bytes held, written or not: what this buffer costs in memory. */
    public long capacity() {
        return (long) chunks.size() * CHUNK;
    }
}
