package com.eventphotos.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OIDC issuer on loopback for the load test: discovery document and JWKS with a fresh RSA key,
 * and RS256 access tokens signed with it. The API validates these exactly as Cognito's.
 */
final class LocalIssuer implements AutoCloseable {

    /** The app client the tokens are issued to, Cognito-style ({@code client_id}, {@code token_use=access}). */
    static final String CLIENT_ID = "event-photos-bench";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private HttpServer server;

    LocalIssuer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    KeyPair keys() {
        return keys;
    }

    LocalIssuer start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext(
                "/.well-known/openid-configuration", exchange -> respond(exchange, """
                {"issuer":"%1$s","jwks_uri":"%1$s/jwks","token_endpoint":"%1$s/token",
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"],
                 "subject_types_supported":["public"]}""".formatted(issuer())));
        server.createContext("/jwks", exchange -> {
            RSAPublicKey key = (RSAPublicKey) keys.getPublic();
            respond(
                    exchange,
                    "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                            + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}");
        });
        server.start();
        return this;
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An RS256 access token for {@code subject}, valid for {@code seconds}. */
    String token(String subject, long seconds) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = B64.encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(("{\"iss\":\"" + (server == null ? "http://issuer" : issuer())
                        + "\",\"sub\":\"" + subject + "\",\"client_id\":\"" + CLIENT_ID
                        + "\",\"token_use\":\"access\",\"iat\":" + now + ",\"exp\":"
                        + (now + seconds) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + B64.encodeToString(signer.sign());
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
