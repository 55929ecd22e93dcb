package com.eventphotos.contract.deployment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentEnvironmentTest {

    @Test
    void apiVariables_shouldUseTheNamesOfTheApiProperties_always() {
        Map<String, String> env = new ApiEnvironment(
                        "photos",
                        "records",
                        "events",
                        "exports",
                        "https://sqs.eu-central-1.amazonaws.com/123456789012/exports",
                        "eu-central-1",
                        List.of("https://a.example", "https://b.example"),
                        "https://issuer.example",
                        List.of("web", "cli"),
                        "k".repeat(32),
                        ApiEnvironment.LOCAL_GUEST_ISSUER,
                        null)
                .variables();

        assertEquals(
                Map.ofEntries(
                        Map.entry("EVENT_PHOTOS_BUCKET", "photos"),
                        Map.entry("EVENT_PHOTOS_TABLE", "records"),
                        Map.entry("EVENT_PHOTOS_EVENTS_TABLE", "events"),
                        Map.entry("EVENT_PHOTOS_EXPORTS_TABLE", "exports"),
                        Map.entry(
                                "EVENT_PHOTOS_EXPORT_QUEUE_URL",
                                "https://sqs.eu-central-1.amazonaws.com/123456789012/exports"),
                        Map.entry("EVENT_PHOTOS_REGION", "eu-central-1"),
                        Map.entry("EVENT_PHOTOS_ALLOWED_ORIGINS", "https://a.example,https://b.example"),
                        Map.entry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://issuer.example"),
                        Map.entry("EVENT_PHOTOS_AUTH_CLIENT_IDS", "web,cli"),
                        Map.entry("EVENT_PHOTOS_PAGE_TOKEN_KEY", "k".repeat(32)),
                        Map.entry("EVENT_PHOTOS_GUESTS_ISSUER", ApiEnvironment.LOCAL_GUEST_ISSUER)),
                env);
    }

    @Test
    void generatedPageTokenKey_shouldBeLongEnoughAndDifferentEachTime_always() {
        String first = ApiEnvironment.generatedPageTokenKey();

        assertTrue(first.length() >= 32, first);
        assertNotEquals(first, ApiEnvironment.generatedPageTokenKey());
    }

    @Test
    void processorVariables_shouldCapMallocArenas_always() {
        Map<String, String> env =
                new ProcessorEnvironment("photos", "records", "https://cdn.example", "/opt/lib/v.so").variables();

        assertEquals(
                Map.of(
                        "EVENT_PHOTOS_BUCKET", "photos",
                        "EVENT_PHOTOS_TABLE", "records",
                        "EVENT_PHOTOS_CDN_BASE_URL", "https://cdn.example",
                        "EVENT_PHOTOS_LIBVIPS_PATH", "/opt/lib/v.so",
                        "MALLOC_ARENA_MAX", "2"),
                env);
    }

    @Test
    void processorVariables_shouldNameTheCdnDistribution_whenThereIsOneToInvalidate() {
        Map<String, String> env = new ProcessorEnvironment(
                        "photos", "records", "https://cdn.example", "/opt/lib/v.so", "E2QWRUHEXAMPLE")
                .variables();

        assertEquals("E2QWRUHEXAMPLE", env.get("EVENT_PHOTOS_CDN_DISTRIBUTION_ID"));
    }

    @Test
    void toS3Xml_shouldAllowOnlyPutWithContentType_forEachOrigin() {
        String xml = BucketCors.toS3Xml(List.of("https://a.example", "http://127.0.0.1:5173"));

        assertTrue(xml.contains("<AllowedOrigin>https://a.example</AllowedOrigin>"), xml);
        assertTrue(xml.contains("<AllowedOrigin>http://127.0.0.1:5173</AllowedOrigin>"), xml);
        assertTrue(xml.contains("<AllowedMethod>PUT</AllowedMethod>"), xml);
        assertFalse(xml.contains("<AllowedMethod>GET</AllowedMethod>"), xml);
        assertTrue(xml.contains("<AllowedHeader>Content-Type</AllowedHeader>"), xml);
        assertTrue(xml.contains("<ExposeHeader>ETag</ExposeHeader>"), xml);
        assertTrue(xml.contains("<MaxAgeSeconds>3000</MaxAgeSeconds>"), xml);
    }
}
