package com.eventphotos.emulators;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * Ports for loopback servers that must be told their port before they start (DynamoDB Local, Keycloak, the
 * packaged API). A port picked by binding 0 and releasing it lies in the kernel's ephemeral range, where any
 * outgoing connection may take it as its source port before the server binds it. So candidates come from
 * outside that range, and a server that still finds its port taken is started again on another one.
 * Servers that can bind port 0 themselves and report the port should do that instead: it cannot race.
 */
public final class LoopbackPorts {

    /** How often a server is started on another port before giving up. */
    public static final int MAX_ATTEMPTS = 8;

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Below this, ports are conventional defaults of developer tools (8080, 8000, 5173, ...). */
    private static final int LOWEST_CANDIDATE = 10_000;

    private LoopbackPorts() {}

    /** A port outside the ephemeral range that nothing listens on right now. */
    public static int candidate() {
        List<int[]> ranges = candidateRanges(ephemeralRange());
        for (int i = 0; i < 100; i++) {
            int[] range = ranges.get(ThreadLocalRandom.current().nextInt(ranges.size()));
            int port = ThreadLocalRandom.current().nextInt(range[0], range[1] + 1);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no bindable loopback port outside the ephemeral range " + ranges);
    }

    /**
     * Starts a server on a {@link #candidate()} port, again on another one while its start fails because
     * the port was taken (see {@link #isPortTaken}), at most {@link #MAX_ATTEMPTS} times.
     */
    public static <T> T startOnFreePort(String server, IntFunction<T> start) {
        return startOnFreePort(server, LoopbackPorts::candidate, start);
    }

    /** As {@link #startOnFreePort(String, IntFunction)}, with the candidate ports given (tests take one first). */
    public static <T> T startOnFreePort(String server, IntSupplier candidates, IntFunction<T> start) {
        List<Integer> tried = new ArrayList<>();
        RuntimeException last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int port = candidates.getAsInt();
            try {
                return start.apply(port);
            } catch (RuntimeException e) {
                if (!isPortTaken(e)) {
                    throw e;
                }
                tried.add(port);
                last = e;
            }
        }
        throw new PortTakenException(server + " found every port it tried already taken: " + tried, last);
    }

    /** Whether a start failed because its port was taken: a {@link BindException} or {@link PortTakenException} in the causes. */
    public static boolean isPortTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException || t instanceof PortTakenException) {
                return true;
            }
        }
        return false;
    }

    /** The kernel's ephemeral port range {@code [low, high]}; Linux's default where it cannot be read. */
    static int[] ephemeralRange() {
        try {
            String[] bounds = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException unreadable) {
            // not Linux: macOS and Windows use 49152-65535, so stay below 32768 as on Linux
            return new int[] {32_768, 65_535};
        }
    }

    /** The inclusive ranges outside {@code ephemeral} and above {@link #LOWEST_CANDIDATE}. */
    static List<int[]> candidateRanges(int[] ephemeral) {
        List<int[]> ranges = new ArrayList<>();
        if (ephemeral[0] - 1 >= LOWEST_CANDIDATE) {
            ranges.add(new int[] {LOWEST_CANDIDATE, ephemeral[0] - 1});
        }
        if (ephemeral[1] + 1 <= 65_535) {
            ranges.add(new int[] {Math.max(LOWEST_CANDIDATE, ephemeral[1] + 1), 65_535});
        }
        if (ranges.isEmpty()) {
            throw new IllegalStateException("the ephemeral port range " + ephemeral[0] + "-" + ephemeral[1]
                    + " leaves no port above " + LOWEST_CANDIDATE + " for servers");
        }
        return ranges;
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
