package com.eventphotos.processor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.UploadKey;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CloudFront call, checked on the wire: no CloudFront runs outside AWS, so a loopback HTTP server stands in for its
 * API and records what the real SDK client sends (path, signed request, invalidation batch).
 */
class CdnInvalidatorTest {

    private static final String DISTRIBUTION = "E2QWRUHEXAMPLE";

    private HttpServer cloudFrontApi;
    private final List<String> requests = new ArrayList<>();

    @BeforeEach
    void startCloudFrontStandIn() throws IOException {
        cloudFrontApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cloudFrontApi.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
                    + exchange.getRequestHeaders().getFirst("Authorization") + "\n" + body);
            byte[] answer =
                    ("<?xml version=\"1.0\"?><Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                                    + "<Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status><CreateTime>2026-11-22T10:00:00Z</CreateTime>"
                                    + "<InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/x</Path></Items></Paths>"
                                    + "<CallerReference>r</CallerReference></InvalidationBatch></Invalidation>")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        cloudFrontApi.start();
    }

    @AfterEach
    void stop() {
        cloudFrontApi.stop(0);
    }

    @Test
    void invalidate_shouldAskCloudFrontForEveryRenditionOfThePhoto_inOneSignedRequest() {
        UploadKey upload = new UploadKey("wedding-2026", UUID.randomUUID(), PhotoContentType.JPEG);
        CdnInvalidator invalidator = new CdnInvalidator(Optional.of(client()), Optional.of(DISTRIBUTION));

        invalidator.invalidate(upload, "deleted-" + upload.photoId());

        assertEquals(1, requests.size(), requests.toString());
        String request = requests.get(0);
        assertTrue(request.startsWith("POST /2020-05-31/distribution/" + DISTRIBUTION + "/invalidation\n"), request);
        assertTrue(request.contains("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), request);
        assertTrue(request.contains("<Path>/photos/event_wedding-2026/" + upload.photoId() + "/*</Path>"), request);
        assertTrue(request.contains("<CallerReference>deleted-" + upload.photoId() + "</CallerReference>"), request);
    }

    @Test
    void invalidate_shouldCallNothing_whenNoDistributionIsConfigured() {
        new CdnInvalidator(Optional.empty(), Optional.empty())
                .invalidate(new UploadKey("e1", UUID.randomUUID(), PhotoContentType.PNG), "r");

        assertEquals(List.of(), requests);
    }

    private CloudFrontClient client() {
        return CloudFrontClient.builder()
                .region(Region.AWS_GLOBAL)
                .endpointOverride(URI.create(
                        "http://127.0.0.1:" + cloudFrontApi.getAddress().getPort()))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
