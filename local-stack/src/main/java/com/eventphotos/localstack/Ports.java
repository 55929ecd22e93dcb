package com.eventphotos.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port checks, so a taken port is reported by name before anything starts. */
final class Ports {

    private Ports() {
    }

    /** @return {@code port}, or a free port when it is 0 */
    static int claim(int port, String component, String envName) {
        if (port == 0) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new LocalStackException("no free loopback port for " + component, e);
            }
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
