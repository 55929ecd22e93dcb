package com.eventphotos.api.resource;

import java.util.List;
import java.util.Set;

import com.eventphotos.api.UploadApiConfig;

import io.vertx.core.http.HttpServerRequest;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The caller's address for limits, from what the caller cannot write: the connection's peer. Behind API Gateway that
 * is the request's {@code requestContext.http.sourceIp} (Quarkus' Lambda handler makes it the peer), locally the TCP
 * peer. {@code X-Forwarded-For} is read only when the peer is a proxy the deployment names
 * ({@code event-photos.guests.trusted-proxies}), and then only the address that proxy added (the last one).
 */
@ApplicationScoped
public class ClientAddresses {

    private final Set<String> trustedProxies;

    ClientAddresses(UploadApiConfig config) {
        this.trustedProxies = Set.copyOf(config.guests().trustedProxies().orElse(List.of()));
    }

    public String of(HttpServerRequest http) {
        String peer =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        String forwarded = http.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank() || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
    }
}
