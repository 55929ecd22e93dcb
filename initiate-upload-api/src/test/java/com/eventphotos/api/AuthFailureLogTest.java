package com.eventphotos.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.eventphotos.testsupport.CapturedLog;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reason a token was refused reaches the log at DEBUG (switched on in %test), the token itself never. */
@QuarkusTest
@RealServers
class AuthFailureLogTest {

    private CapturedLog log;

    @BeforeEach
    void capture() {
        log = CapturedLog.of("com.eventphotos.api.auth");
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void refusal_shouldLogExpired_whenTokenExpired() {
        assertLoggedWithoutToken(Tokens.expired("alice"), "expired");
    }

    @Test
    void refusal_shouldLogWrongIssuer_whenTokenIsFromAnotherIssuer() {
        assertLoggedWithoutToken(Tokens.fromIssuer("https://evil.example.com"), "issuer");
    }

    @Test
    void refusal_shouldLogWrongClient_whenTokenIsOfAnotherClient() {
        assertLoggedWithoutToken(Tokens.ofOtherClient(), "wrong client");
    }

    @Test
    void refusal_shouldLogBadSignature_whenTheSignatureWasTamperedWith() {
        String[] parts = Tokens.forSubject("alice").split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertLoggedWithoutToken(tampered, "signature");
    }

    private void assertLoggedWithoutToken(String token, String reason) {
        given().auth().oauth2(token).get("/upload-policy").then().statusCode(401);

        String lines = String.join("\n", log.lines());
        assertTrue(lines.contains("token refused") && lines.contains(reason), "log was: " + lines);
        assertFalse(lines.contains(token), "the token must never be logged");
        assertFalse(lines.contains(token.split("\\.")[2]), "not even its signature");
    }
}
