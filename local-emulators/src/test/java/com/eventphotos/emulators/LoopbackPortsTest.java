package com.eventphotos.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopbackPortsTest {

    @Test
    void candidate_shouldLieOutsideTheEphemeralRange_always() {
        int[] ephemeral = LoopbackPorts.ephemeralRange();
        for (int i = 0; i < 2_000; i++) {
            int port = LoopbackPorts.candidate();
            assertFalse(port >= ephemeral[0] && port <= ephemeral[1], port + " is in the ephemeral range");
            assertTrue(port >= 10_000 && port <= 65_535, Integer.toString(port));
        }
    }

    @Test
    void candidateRanges_shouldBeBothSidesOfTheEphemeralRange_whenLinuxDefaults() {
        List<int[]> ranges = LoopbackPorts.candidateRanges(new int[] {32_768, 60_999});
        assertEquals(2, ranges.size());
        assertEquals(List.of(10_000, 32_767), List.of(ranges.get(0)[0], ranges.get(0)[1]));
        assertEquals(List.of(61_000, 65_535), List.of(ranges.get(1)[0], ranges.get(1)[1]));
    }

    @Test
    void candidateRanges_shouldRefuse_whenTheEphemeralRangeLeavesNoPort() {
        assertThrows(IllegalStateException.class, () -> LoopbackPorts.candidateRanges(new int[] {1_024, 65_535}));
    }

    @Test
    void startOnFreePort_shouldStartOnAnotherPort_whenTheFirstWasTakenMeanwhile() throws IOException {
        try (ServerSocket taken = listen(LoopbackPorts.candidate())) {
            List<Integer> offered = new ArrayList<>();
            try (ServerSocket started = LoopbackPorts.startOnFreePort(
                    "test server",
                    () -> record(offered, offered.isEmpty() ? taken.getLocalPort() : LoopbackPorts.candidate()),
                    LoopbackPortsTest::listen)) {
                assertEquals(2, offered.size());
                assertEquals(taken.getLocalPort(), offered.get(0));
                assertEquals(offered.get(1), started.getLocalPort());
            }
        }
    }

    @Test
    void startOnFreePort_shouldGiveUpNamingTheServer_whenEveryPortIsTaken() throws IOException {
        try (ServerSocket taken = listen(LoopbackPorts.candidate())) {
            List<Integer> offered = new ArrayList<>();
            PortTakenException e = assertThrows(
                    PortTakenException.class,
                    () -> LoopbackPorts.startOnFreePort(
                            "test server", () -> record(offered, taken.getLocalPort()), LoopbackPortsTest::listen));
            assertEquals(LoopbackPorts.MAX_ATTEMPTS, offered.size());
            assertTrue(
                    e.getMessage().startsWith("test server found every port it tried already taken"), e.getMessage());
        }
    }

    @Test
    void startOnFreePort_shouldNotRetry_whenTheStartFailsForAnotherReason() {
        IllegalStateException broken = new IllegalStateException("misconfigured");
        List<Integer> offered = new ArrayList<>();
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> LoopbackPorts.startOnFreePort(
                        "test server", () -> record(offered, LoopbackPorts.candidate()), port -> {
                            throw broken;
                        }));
        assertSame(broken, e);
        assertEquals(1, offered.size());
    }

    private static int record(List<Integer> offered, int port) {
        offered.add(port);
        return port;
    }

    private static ServerSocket listen(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
