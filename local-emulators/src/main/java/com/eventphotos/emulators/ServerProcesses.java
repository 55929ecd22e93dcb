package com.eventphotos.emulators;

import java.util.concurrent.TimeUnit;

/** How the local servers' processes are stopped: politely, then after 5 s for good. */
final class ServerProcesses {

    private ServerProcesses() {}

    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
