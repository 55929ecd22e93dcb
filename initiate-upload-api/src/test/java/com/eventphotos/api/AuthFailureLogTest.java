package com.eventphotos.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reason a token was refused reaches the log at DEBUG (switched on in %test), the token itself never. */
@QuarkusTest
@RealServers
class AuthFailureLogTest {

    private static final Logger AUTH_LOG = Logger.getLogger("com.eventphotos.api.auth");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(formatted(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void capture() {
        AUTH_LOG.addHandler(capture);
    }

    @AfterEach
    void release() {
        AUTH_LOG.removeHandler(capture);
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

        String log = String.join("\n", lines);
        assertTrue(log.contains("token refused") && log.contains(reason), "log was: " + log);
        assertFalse(log.contains(token), "the token must never be logged");
        assertFalse(log.contains(token.split("\\.")[2]), "not even its signature");
    }

    private static String formatted(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        return record.getLevel().intValue() <= Level.FINE.intValue() && parameters != null
                ? String.format(message, parameters)
                : message;
    }
}
