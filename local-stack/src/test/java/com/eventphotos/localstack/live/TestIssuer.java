package com.eventphotos.localstack.live;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.eventphotos.testsupport.TestKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An issuer of real RS256 JWTs for the tests, as Keycloak's realm or the API's guest issuer signs them: its own RSA
 * key, a {@code kid}, and the JWKS that publishes the public half.
 */
final class TestIssuer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final String keyId = "k-" + UUID.randomUUID().toString().substring(0, 8);
    private final KeyPair keys = TestKeys.newRsaKeyPair();

    TestIssuer(String issuer) {
        this.issuer = issuer;
    }

    String issuer() {
        return issuer;
    }

    /** {@code Bearer …} of a token for {@code subject}, valid for an hour. */
    String bearer(String subject) {
        return bearer(subject, Instant.now().plus(Duration.ofHours(1)));
    }

    String bearer(String subject, Instant expiresAt) {
        return "Bearer " + token(issuer, subject, expiresAt, keys.getPrivate());
    }

    /** A token naming this issuer and its key id, but signed with another key. */
    String forgedBearer(String subject) {
        return "Bearer "
                + token(
                        issuer,
                        subject,
                        Instant.now().plus(Duration.ofHours(1)),
                        TestKeys.newRsaKeyPair().getPrivate());
    }

    /** A token signed with this issuer's key that names another issuer. */
    String bearerNaming(String otherIssuer, String subject) {
        return "Bearer " + token(otherIssuer, subject, Instant.now().plus(Duration.ofHours(1)), keys.getPrivate());
    }

    /** The JSON Web Key Set a verifier fetches. */
    String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        ObjectNode set = JSON.createObjectNode();
        set.putArray("keys")
                .addObject()
                .put("kty", "RSA")
                .put("use", "sig")
                .put("alg", "RS256")
                .put("kid", keyId)
                .put("n", unsigned(key.getModulus()))
                .put("e", unsigned(key.getPublicExponent()));
        return set.toString();
    }

    private String token(String iss, String subject, Instant expiresAt, PrivateKey signer) {
        ObjectNode header =
                JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", keyId);
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", iss)
                .put("sub", subject)
                .put("iat", Instant.now().getEpochSecond())
                .put("exp", expiresAt.getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        String signingInput = base64url(header.toString()) + "." + base64url(claims.toString());
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signer);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] magnitude = new byte[bytes.length - skip];
        System.arraycopy(bytes, skip, magnitude, 0, magnitude.length);
        return BASE64URL.encodeToString(magnitude);
    }
}
