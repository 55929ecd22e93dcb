package com.eventphotos.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.eventphotos.localstack.ChildProcess;

/** Small helpers shared by the benchmark sections. */
final class Benchmarks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Benchmarks() {
    }

    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void awaitHttp200(ChildProcess process, String url, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("process exited; see " + process.log());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(url + " not ready within " + timeout + "; see " + process.log());
    }

    /** VmRSS and VmHWM of a process, in KiB (Linux). */
    static Map<String, Long> memoryOf(long pid) throws IOException {
        Map<String, Long> memory = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                memory.put(line.substring(0, line.indexOf(':')), Long.parseLong(line.replaceAll("\\D", "")));
            }
        }
        return memory;
    }
}
