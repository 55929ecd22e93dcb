package com.eventphotos.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.eventphotos.api.auth.GuestTokenKey;
import com.eventphotos.testsupport.TestKeys;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import jakarta.inject.Inject;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Which tokens the API accepts (Quarkus OIDC, then {@code auth/AppClientCheck}): the table of token cases the two AWS
 * authorizers are checked on too ({@code upload-contract/src/test/resources/token-cases.json}, its "api" verdict), each
 * case a real signed JWT sent on a real request.
 */
@QuarkusTest
@RealServers
class AuthenticationTest {

    static final Path TOKEN_CASES = Path.of("../upload-contract/src/test/resources/token-cases.json");

    private static final String VALID_BODY = "{\"title\":\"t\",\"contentType\":\"image/png\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair STRANGER = strangerKey();

    /** The event of a guest session started for the table's guest tokens, and that session's claims. */
    private static String guestEvent;

    private static Map<String, Object> guestClaims;

    @Inject
    GuestTokenKey guestKey;

    static Stream<Arguments> tokenCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : JSON.readTree(TOKEN_CASES.toFile()).get("cases")) {
            for (JsonNode sent : c.get("sent")) {
                cases.add(Arguments.of(
                        c.get("name").asText() + ", " + sent.asText(),
                        c.get("token"),
                        sent.asText(),
                        c.get("expect").get("api").asText()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenCases")
    void request_shouldBeAcceptedOrRefused_asTheTableOfTokenCasesSays(
            String name, JsonNode token, String sent, String verdict) throws Exception {
        String jwt = token.isNull() ? null : token.has("raw") ? token.get("raw").asText() : signed(token);
        RequestSpecification request = given();
        if (jwt != null) {
            request.header("Authorization", "bare".equals(sent) ? jwt : "Bearer " + jwt);
        }
        boolean guest = !token.isNull() && "guests".equals(token.path("issuer").asText());
        ValidatableResponse response =
                guest ? request.get("/events/{e}/photos", guestEvent).then() : post(request);
        if ("accept".equals(verdict)) {
            if (guest) {
                response.statusCode(200);
            } else {
                response.statusCode(201).body("s3PutObjectUrl", notNullValue());
            }
        } else {
            assertUnauthorized(response);
        }
    }

    @Test
    void healthAndApiDocs_shouldAnswer_withoutAToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/events/{eventId}/photos/initiate-upload"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * The case's token: members' tokens signed by the mock OIDC provider's key, guests' by the API's guest key (over the
     * claims of a real guest session, so only what the case changes is wrong), an unknown issuer's by the members' key
     * (so only the issuer gives it away).
     */
    private String signed(JsonNode token) throws Exception {
        String issuer = token.get("issuer").asText();
        Map<String, Object> claims = new LinkedHashMap<>();
        switch (issuer) {
            case "members" -> claims.put("iss", Tokens.ISSUER);
            case "unknown" -> claims.put("iss", "https://evil.example.com");
            case "guests" -> claims.putAll(guestSession());
            default -> throw new IllegalArgumentException("issuer " + issuer);
        }
        token.get("claims").properties().forEach(e -> claims.put(e.getKey(), resolve(e.getValue())));
        long exp = Instant.now().getEpochSecond() + token.get("exp").asLong();
        claims.put("exp", exp);
        claims.put("iat", Math.min(exp, Instant.now().getEpochSecond()) - 60);
        String signature = token.get("signature").asText();
        return switch (signature) {
            case "good" ->
                "guests".equals(issuer)
                        ? jws(claims, Map.of("alg", "RS256", "typ", "JWT", "kid", guestKey.keyId()), guestKey::sign)
                        : Jwt.claims(claims).sign();
            case "other-key" -> jws(claims, Map.of("alg", "RS256", "typ", "JWT"), input -> sign(STRANGER, input));
            case "alg-none" -> jws(claims, Map.of("alg", "none", "typ", "JWT"), input -> new byte[0]);
            default -> throw new IllegalArgumentException("signature " + signature);
        };
    }

    private static Object resolve(JsonNode value) {
        if (value.isArray()) {
            List<Object> values = new ArrayList<>();
            value.forEach(v -> values.add(resolve(v)));
            return values;
        }
        if (!value.isTextual()) {
            return JSON.convertValue(value, Object.class);
        }
        return switch (value.asText()) {
            case "$client" -> Tokens.CLIENT_ID;
            case "$other" -> Tokens.OTHER_CLIENT_ID;
            default -> value.asText();
        };
    }

    /** The claims of a guest session of an event of its own, which lets its guests view (started once). */
    private static synchronized Map<String, Object> guestSession() throws IOException {
        if (guestClaims == null) {
            guestEvent = TestEvents.created(TestEvents.OWNER, "token-cases");
            String token = Guests.token(Guests.link(TestEvents.OWNER, guestEvent, true, false), "Ann");
            guestClaims = JSON.readValue(
                    Base64.getUrlDecoder().decode(token.split("\\.")[1]), new TypeReference<Map<String, Object>>() {});
        }
        return guestClaims;
    }

    private interface Signer {
        byte[] sign(byte[] input) throws Exception;
    }

    private static String jws(Map<String, Object> claims, Map<String, Object> header, Signer signer) throws Exception {
        String input = BASE64URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
                + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
        return input + "." + BASE64URL.encodeToString(signer.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] sign(KeyPair key, byte[] input) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key.getPrivate());
        rsa.update(input);
        return rsa.sign();
    }

    private static KeyPair strangerKey() {
        return TestKeys.newRsaKeyPair();
    }

    private static void assertUnauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .contentType(ContentType.JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("message", containsString("token"))
                .body(not(containsString("s3PutObjectUrl")));
    }

    private static ValidatableResponse post(RequestSpecification request) {
        TestEvents.uploaderIn("e1", "alice");
        return request.contentType(ContentType.JSON)
                .body(VALID_BODY)
                .post("/events/e1/photos/initiate-upload")
                .then();
    }
}
