package com.eventphotos.localstack.live;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What the event server asks of the upload API, on loopback: {@code GET /events/{id}/live} answers 200 to the
 * tokens a test allowed for that event, 404 to others, 503 to tokens a test made fail; and each issuer's JWKS at
 * {@code /jwks/{n}}. Counts the questions per token, so a test sees the re-checks happen.
 */
final class ApiStandIn implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, Set<String>> allowed = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final Map<String, String> jwks = new ConcurrentHashMap<>();

    ApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code issuer}'s keys; returns where. */
    String publish(TestIssuer issuer) {
        String path = "/jwks/" + jwks.size();
        jwks.put(path, issuer.jwks());
        return url() + path;
    }

    void allow(String authorization, String eventId) {
        allowed.computeIfAbsent(authorization, t -> ConcurrentHashMap.newKeySet())
                .add(eventId);
    }

    /** From now on the API refuses {@code authorization} (a revoked wall, a guest link taken back). */
    void revoke(String authorization) {
        allowed.remove(authorization);
    }

    /** From now on the API answers 503 to {@code authorization} (or again normally). */
    void failFor(String authorization, boolean failing) {
        if (failing) {
            this.failing.add(authorization);
        } else {
            this.failing.remove(authorization);
        }
    }

    int timesAsked(String authorization) {
        AtomicInteger count = asked.get(authorization);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String keys = jwks.get(path);
        if (keys != null) {
            byte[] body = keys.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        int status = 404;
        if (authorization != null && path.startsWith("/events/") && path.endsWith("/live")) {
            asked.computeIfAbsent(authorization, t -> new AtomicInteger()).incrementAndGet();
            String eventId = path.substring("/events/".length(), path.length() - "/live".length());
            if (failing.contains(authorization)) {
                status = 503;
            } else if (allowed.getOrDefault(authorization, Set.of()).contains(eventId)) {
                status = 200;
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
