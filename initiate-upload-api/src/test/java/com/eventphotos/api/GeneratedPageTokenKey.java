package com.eventphotos.api;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A fresh page-token HMAC key for each application start, as the local stack makes one: none is in a file. */
public class GeneratedPageTokenKey implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Map.of("event-photos.page-token-key", Base64.getEncoder().encodeToString(key));
    }

    @Override
    public void stop() {}
}
