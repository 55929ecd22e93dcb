package com.eventphotos.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import com.eventphotos.testsupport.LoopbackPorts;

/** Loopback port checks, so a taken port is reported by name before anything starts. */
final class Ports {

    private Ports() {
    }

    /** @return {@code port}, or a free port when it is 0 */
    static int claim(int port, String component, String envName) {
        if (port == 0) {
            return LoopbackPorts.free();
        }
        if (inUse(port)) {
            throw new LocalStackException("port " + port + " (" + component + ") is already in use: stop what listens there,"
                    + " or choose another port with " + envName + "=<port>");
        }
        return port;
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
