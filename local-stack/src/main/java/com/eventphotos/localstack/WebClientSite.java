package com.eventphotos.localstack;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the built web client ({@code web-client/dist}) as a static site with single-page-app fallback, plus
 * {@code /config.json} naming this stack's API and OIDC provider, so one build works on any ports.
 */
final class WebClientSite implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "css",
            "text/css; charset=utf-8",
            "svg",
            "image/svg+xml",
            "png",
            "image/png",
            "ico",
            "image/x-icon",
            "json",
            "application/json",
            "map",
            "application/json");

    private final HttpServer server;

    private WebClientSite(HttpServer server) {
        this.server = server;
    }

    /** @param configJson read when a browser asks, so the site can listen before the rest of the stack is up */
    static WebClientSite start(int port, Path dist, Supplier<String> configJson) {
        return new WebClientSite(LoopbackHttp.start(
                "web client", port, exchange -> serve(exchange, dist, configJson), Executors.newFixedThreadPool(4)));
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return LoopbackHttp.url(server);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void serve(HttpExchange exchange, Path dist, Supplier<String> configJson) throws IOException {
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        if (path.equals("/config.json")) {
            send(exchange, 200, TYPES.get("json"), configJson.get().getBytes(StandardCharsets.UTF_8), "no-store");
            return;
        }
        Path file = dist.resolve(path.substring(1)).normalize();
        boolean asset = file.startsWith(dist) && Files.isRegularFile(file);
        if (!asset && path.substring(path.lastIndexOf('/') + 1).contains(".")) {
            send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8), "no-store");
            return;
        }
        Path served = asset ? file : dist.resolve("index.html"); // client-side routes such as /events/{id}
        String name = served.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        // Vite fingerprints assets, so they may be cached; index.html must not be.
        String caching = path.startsWith("/assets/") ? "max-age=31536000, immutable" : "no-cache";
        send(exchange, 200, type, Files.readAllBytes(served), caching);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, String caching)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", caching);
        exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        LoopbackHttp.respond(exchange, status, body);
    }
}
