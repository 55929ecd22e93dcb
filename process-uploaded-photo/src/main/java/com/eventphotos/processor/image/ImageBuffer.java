package com.eventphotos.processor.image;

import java.io.IOException;
import java.io.InputStream;

import com.sun.jna.Memory;

/**
 * An upload's bytes in native memory, where libvips reads them without a copy (and without a second copy on
 * the Java heap). Close it once every image made from it is released.
 */
public final class ImageBuffer implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    private final Memory memory;
    private final long size;

    private ImageBuffer(Memory memory, long size) {
        this.memory = memory;
        this.size = size;
    }

    public static ImageBuffer copyOf(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an image buffer holds at least one byte");
        }
        Memory memory = new Memory(bytes.length);
        memory.write(0, bytes, 0, bytes.length);
        return new ImageBuffer(memory, bytes.length);
    }

    /**
     * Reads exactly {@code size} bytes from {@code in}, in chunks: never more than {@code size} bytes are held.
     *
     * @throws IOException when the stream ends early or has more than {@code size} bytes
     */
    public static ImageBuffer read(InputStream in, long size) throws IOException {
        if (size < 1) {
            throw new IllegalArgumentException("an image buffer holds at least one byte");
        }
        Memory memory = new Memory(size);
        try {
            byte[] chunk = new byte[CHUNK];
            long filled = 0;
            while (filled < size) {
                int read = in.read(chunk, 0, (int) Math.min(CHUNK, size - filled));
                if (read < 0) {
                    throw new IOException("the object ended after " + filled + " of " + size + " bytes");
                }
                memory.write(filled, chunk, 0, read);
                filled += read;
            }
            if (in.read() >= 0) {
                throw new IOException("the object has more than the " + size + " bytes it declared");
            }
            return new ImageBuffer(memory, size);
        } catch (IOException | RuntimeException e) {
            memory.close();
            throw e;
        }
    }

    public long size() {
        return size;
    }

    /** The first {@code count} bytes (fewer if the buffer is shorter), for signature checks. */
    public byte[] head(int count) {
        return memory.getByteArray(0, (int) Math.min(count, size));
    }

    Memory memory() {
        return memory;
    }

    @Override
    public void close() {
        memory.close();
    }
}
