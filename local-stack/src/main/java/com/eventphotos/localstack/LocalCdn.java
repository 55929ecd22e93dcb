package com.eventphotos.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.eventphotos.contract.CdnCaching;
import com.eventphotos.contract.Renditions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Stands in for CloudFront: {@code GET /photos/...} serves a rendition from the private bucket with the
 * caching headers the CDN adds in AWS. As in AWS, only keys under {@link Renditions#PREFIX} are served (never an
 * original under uploads/), and only GET and HEAD.
 */
final class LocalCdn implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    /** Bound after construction, so the server's handler is this object's own method. */
    private HttpServer server;

    private LocalCdn(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    static LocalCdn start(int port, S3Client s3, String bucket) {
        LocalCdn cdn = new LocalCdn(s3, bucket);
        cdn.server = LoopbackHttp.start("CDN stand-in", port, cdn::serve, Executors.newFixedThreadPool(8));
        return cdn;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return LoopbackHttp.url(server);
    }

    @Override
    public void close() {
        server.stop(0);
        s3.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().add("Allow", "GET, HEAD");
            LoopbackHttp.respond(exchange, 405, "");
            return;
        }
        String key = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(1), StandardCharsets.UTF_8);
        if (!key.startsWith(Renditions.PREFIX)) {
            LoopbackHttp.respond(exchange, 404, "not found\n");
            return;
        }
        try (ResponseInputStream<GetObjectResponse> object =
                s3.getObject(g -> g.bucket(bucket).key(key))) {
            GetObjectResponse response = object.response();
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.getResponseHeaders().add("Cache-Control", CdnCaching.CACHE_CONTROL);
            exchange.getResponseHeaders().add("ETag", response.eTag());
            exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().add("Content-Length", Long.toString(response.contentLength()));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, response.contentLength());
            try (OutputStream out = exchange.getResponseBody();
                    InputStream in = object) {
                in.transferTo(out);
            }
        } catch (NoSuchKeyException e) {
            LoopbackHttp.respond(exchange, 404, "not found\n");
        } catch (S3Exception e) {
            LoopbackHttp.respond(exchange, 502, "origin error " + e.statusCode() + "\n");
        }
    }
}
