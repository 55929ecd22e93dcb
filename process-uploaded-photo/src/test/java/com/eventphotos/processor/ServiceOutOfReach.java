package com.eventphotos.processor;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Points one AWS client at loopback port 9, which is closed here: connections are refused at once. */
abstract class ServiceOutOfReach implements QuarkusTestProfile {

    private final String service;

    ServiceOutOfReach(String service) {
        this.service = service;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus." + service + ".endpoint-override", "http://127.0.0.1:9",
                "quarkus." + service + ".api-call-timeout", "5S");
    }
}
