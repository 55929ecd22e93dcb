package com.eventphotos.api.auth;

import java.security.interfaces.RSAPublicKey;

/** The RSA key that signs guest tokens (RS256): KMS in AWS, one generated at start elsewhere. */
public interface GuestTokenKey {

    /** The {@code kid} tokens name, and the JWKS lists. */
    String keyId();

    RSAPublicKey publicKey();

    /** RSASSA-PKCS1-v1_5 with SHA-256 over {@code input}: a JWS RS256 signature. */
    byte[] sign(byte[] input);
}
