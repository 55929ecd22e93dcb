package com.eventphotos.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Small helpers shared by the benchmark sections. */
final class Benchmarks {

    private Benchmarks() {}

    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
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
