package com.eventphotos.api.auth;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

/**
 * A key generated when the API starts and never written anywhere: where no KMS key is configured (the local stack,
 * tests). Guest tokens it signed end with the process, as a restarted local stack's guests sign in again.
 */
final class LocalGuestTokenKey implements GuestTokenKey {

    private final KeyPair pair;
    private final String keyId;

    LocalGuestTokenKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the guest token key", e);
        }
        keyId = "local-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public RSAPublicKey publicKey() {
        return (RSAPublicKey) pair.getPublic();
    }

    @Override
    public byte[] sign(byte[] input) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(pair.getPrivate());
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a guest token", e);
        }
    }
}
