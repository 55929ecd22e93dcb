package com.eventphotos.api.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * An asymmetric KMS key (RSA_2048, SIGN_VERIFY): the private key never leaves KMS; the API sends each token's
 * SHA-256 digest to {@code kms:Sign} and publishes the public key ({@code kms:GetPublicKey}, read once).
 */
final class KmsGuestTokenKey implements GuestTokenKey {

    private final KmsClient kms;
    private final String keyId;
    private final RSAPublicKey publicKey;

    KmsGuestTokenKey(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
        byte[] der = kms.getPublicKey(get -> get.keyId(keyId)).publicKey().asByteArray();
        try {
            publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("KMS key " + keyId + " is not an RSA signing key", e);
        }
    }

    @Override
    public String keyId() {
        // the key's own id, not an alias or ARN a client could not match
        return keyId.substring(keyId.lastIndexOf('/') + 1);
    }

    @Override
    public RSAPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] input) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return kms.sign(sign -> sign.keyId(keyId)
                        .message(SdkBytes.fromByteArray(digest))
                        .messageType(MessageType.DIGEST)
                        .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256))
                .signature()
                .asByteArray();
    }
}
