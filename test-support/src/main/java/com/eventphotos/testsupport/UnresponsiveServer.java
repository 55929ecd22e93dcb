package com.eventphotos.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on loopback that accepts every connection and never answers: what a frozen S3 or DynamoDB looks like to
 * a client (the kernel completes the TCP handshake, nothing ever comes back). Clients without deadlines hang on it.
 */
public final class UnresponsiveServer implements AutoCloseable {

    private static UnresponsiveServer shared;

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private UnresponsiveServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "unresponsive-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** One for the whole test JVM (it holds nothing worth resetting). */
    public static synchronized UnresponsiveServer shared() {
        if (shared == null) {
            shared = new UnresponsiveServer();
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Quarkus configuration that points one Quarkiverse AWS client ({@code s3}, {@code dynamodb}) here. */
    public static Map<String, String> as(String service) {
        return Map.of(
                "quarkus." + service + ".endpoint-override", shared().endpoint().toString());
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                held.add(socket.accept()); // read nothing, answer nothing, close nothing
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket connection : held) {
                connection.close();
            }
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
