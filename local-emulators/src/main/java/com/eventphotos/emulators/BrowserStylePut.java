package com.eventphotos.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.eventphotos.contract.UploadUrlPresigner.PresignedUpload;

/**
 * PUTs bytes to a presigned URL the way a browser does: a plain HTTP client, no AWS SDK, only the headers
 * the API returned. Content-Length is always the body's real length (clients derive it; browsers forbid
 * setting it), so a body of another size than the signed one is sent as it really is.
 */
public final class BrowserStylePut {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BrowserStylePut() {}

    /** @param etag the ETag response header (S3 names a stored part by it), or null */
    public record Result(int status, String body, String etag) {}

    /**
     * A server that refuses a request before reading its body closes the connection; a browser retries a request
     * that meets such a closed, reused connection once, and so does this.
     */
    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedBeforeAnyReply) {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** PUTs to a presigned upload with exactly the headers it was signed with. */
    public static Result put(PresignedUpload upload, byte[] body) {
        return put(upload.url(), upload.headers(), body);
    }

    public static Result put(String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = send(request.build());
            return new Result(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
