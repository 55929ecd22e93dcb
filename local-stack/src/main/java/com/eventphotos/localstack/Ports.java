package com.eventphotos.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

import com.eventphotos.emulators.LoopbackPorts;

/**
 * Where the stack's components listen. A configured port (the defaults of ./run-local.sh, or an
 * EVENT_PHOTOS_*_PORT variable) is checked first so a taken one is reported by name. Port 0 means "any": a
 * server that can bind 0 itself does so (nothing can race it); one that must be told its port gets a
 * {@link LoopbackPorts#candidate()} and is started again elsewhere if that port was taken meanwhile.
 */
final class Ports {

    private Ports() {}

    /** Fails, naming the component and its variable, when a fixed port is taken; 0 (any port) passes. */
    static void requireFree(int port, String component, String envName) {
        if (port != 0 && inUse(port)) {
            throw new LocalStackException(
                    "port " + port + " (" + component + ") is already in use: stop what listens there,"
                            + " or choose another port with " + envName + "=<port>");
        }
    }

    /** Starts a server that must be told its port: on the configured one, or on the first free candidate. */
    static <T> T start(int configured, IntSupplier candidates, String component, IntFunction<T> start) {
        return configured == 0 ? LoopbackPorts.startOnFreePort(component, candidates, start) : start.apply(configured);
    }

    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }
}
