package com.eventphotos.testsupport;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** RSA keys for tests that sign their own tokens: an issuer's, or a stranger's nobody trusts. */
public final class TestKeys {

    private TestKeys() {}

    /** A fresh 2048-bit RSA key pair. */
    public static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
