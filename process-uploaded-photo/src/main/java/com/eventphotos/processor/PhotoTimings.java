package com.eventphotos.processor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each step of one photo's processing took, in the order they ran. {@link #steps()} are consecutive, so
 * they add up to at most the whole; the renditions' encodes (which run side by side on the encoder threads) and
 * stores are detailed per object besides.
 */
public final class PhotoTimings {

    public static final String READ = "read";
    public static final String VERIFY = "verify";
    public static final String DECODE = "decode";
    public static final String ENCODE = "encode";
    public static final String STORE = "store";
    public static final String RECORD = "record";

    private final long startedAt = System.nanoTime();
    private final Map<String, Long> steps = new LinkedHashMap<>();
    private final Map<String, Long> encodes = new LinkedHashMap<>();
    private final Map<String, Long> stores = new LinkedHashMap<>();

    /** Runs {@code step} and records how long it took under {@code name}. */
    public <T, E extends Exception> T time(String name, ThrowingSupplier<T, E> step) throws E {
        long start = System.nanoTime();
        try {
            return step.get();
        } finally {
            step(name, System.nanoTime() - start);
        }
    }

    public void step(String name, long nanos) {
        steps.merge(name, nanos, Long::sum);
    }

    /** One rendition's encode (e.g. {@code w1920.jpg}); these overlap, so they are not steps. */
    public void encode(String rendition, long nanos) {
        encodes.put(rendition, nanos);
    }

    /** One rendition's PutObject; these run one after another within the {@link #STORE} step. */
    public void store(String rendition, long nanos) {
        stores.put(rendition, nanos);
    }

    public long totalNanos() {
        return System.nanoTime() - startedAt;
    }

    public Map<String, Long> steps() {
        return steps;
    }

    public Map<String, Long> encodes() {
        return encodes;
    }

    public Map<String, Long> stores() {
        return stores;
    }

    /** A step that may throw a checked exception of the processor's (RejectedUploadException). */
    @FunctionalInterface
    public interface ThrowingSupplier<T, E extends Exception> {
        T get() throws E;
    }
}
