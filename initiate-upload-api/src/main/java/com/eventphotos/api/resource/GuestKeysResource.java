package com.eventphotos.api.resource;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.eventphotos.api.auth.GuestTokens;

import io.smallrye.common.annotation.NonBlocking;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public key of guest tokens, for anyone who verifies them (the API itself, API Gateway's authorizer). */
@Path("/.well-known/jwks.json")
@PermitAll
@Tag(name = "guests")
public class GuestKeysResource {

    @Inject
    GuestTokens tokens;

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The JSON Web Key Set that verifies guest tokens")
    public Map<String, Object> keys() {
        return tokens.jwks();
    }
}
