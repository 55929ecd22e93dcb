package com.eventphotos.exports.zip;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PartBufferTest {

    @Test
    void bytesSpanningChunks_readBackAsWritten_andAPatchedIntLandsAcrossTheBoundary() throws IOException {
        byte[] data = new byte[PartBuffer.CHUNK * 2 + 123];
        new Random(7).nextBytes(data);
        PartBuffer buffer = new PartBuffer();
        buffer.write(data, 0, 1000);
        buffer.write(data, 1000, data.length - 1000);

        long at = PartBuffer.CHUNK - 2;
        buffer.putIntLittleEndian(at, 0x44332211);
        data[(int) at] = 0x11;
        data[(int) at + 1] = 0x22;
        data[(int) at + 2] = 0x33;
        data[(int) at + 3] = 0x44;

        assertEquals(data.length, buffer.size());
        try (InputStream first = buffer.newInputStream();
                InputStream again = buffer.newInputStream()) {
            assertArrayEquals(data, first.readAllBytes());
            assertArrayEquals(data, again.readAllBytes(), "a retried part reads the same bytes");
        }
    }

    @Test
    void clear_keepsTheChunksForTheNextPart() throws IOException {
        PartBuffer buffer = new PartBuffer();
        buffer.write(new byte[PartBuffer.CHUNK + 1]);
        long capacity = buffer.capacity();

        buffer.clear();
        buffer.write(new byte[] {1, 2, 3});

        assertEquals(capacity, buffer.capacity());
        try (InputStream in = buffer.newInputStream()) {
            assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes());
        }
    }
}
