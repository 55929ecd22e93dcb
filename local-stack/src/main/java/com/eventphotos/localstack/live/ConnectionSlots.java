package com.eventphotos.localstack.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections per source address (the TCP peer), so one source cannot hold the server's sockets without end.
 * Loose on purpose: a venue's guests share one address, and each of them may keep a gallery or a wall open.
 */
final class ConnectionSlots {

    private final int perSource;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    ConnectionSlots(int perSource) {
        this.perSource = perSource;
    }

    /** @return false, taking nothing, when {@code source} holds all its slots */
    boolean tryTake(String source) {
        boolean[] taken = {false};
        open.compute(source, (address, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perSource) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    void release(String source) {
        open.computeIfPresent(source, (address, count) -> count <= 1 ? null : count - 1);
    }
}
