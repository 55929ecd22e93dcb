package com.eventphotos.localstack.live;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import com.eventphotos.testsupport.LiveEventsClient;

/**
 * A WebSocket client on a plain socket, for what a well-behaved client cannot show: the handshake's HTTP status, a
 * client that never reads again, and the server closing the TCP connection.
 */
final class RawWebSocket implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int status;

    private RawWebSocket(Socket socket, int status) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.status = status;
    }

    /** Opens the handshake as a browser does (subprotocols with the authorization) and reads its status. */
    static RawWebSocket open(int port, String authorization) throws IOException {
        return open(port, authorization, 0);
    }

    /** @param receiveBuffer the socket's receive buffer in bytes (small: the kernel holds little for it); 0: default */
    static RawWebSocket open(int port, String authorization, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String host = "127.0.0.1:" + port;
        String request = "GET " + LocalEventApi.REALTIME_PATH + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Protocol: " + LocalEventApi.SUBPROTOCOL + ", "
                + LiveEventsClient.headerSubprotocol(host, authorization) + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        String head = readHead(socket.getInputStream());
        return new RawWebSocket(socket, Integer.parseInt(head.split(" ", 3)[1]));
    }

    /** The handshake's HTTP status: 101 when the WebSocket is open. */
    int status() {
        return status;
    }

    /** Sends one text message, masked as a client must. */
    void send(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /**
     * Reads (and discards) what the server sent until it closes the connection: a close frame, the end of the
     * stream, or a reset. False when it is still open after {@code timeout}.
     */
    boolean awaitClosedBy(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) Math.max(
                        1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
                int first = in.read();
                if (first < 0) {
                    return true;
                }
                int opcode = first & 0x0f;
                long length = in.readUnsignedByte() & 0x7f; // server frames are not masked
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                in.skipNBytes(length);
                if (opcode == 0x8) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (EOFException | SocketException closed) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
