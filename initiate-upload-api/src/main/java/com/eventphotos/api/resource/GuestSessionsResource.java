package com.eventphotos.api.resource;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.eventphotos.api.model.CreateGuestSessionRequest;
import com.eventphotos.api.model.GuestSessionView;
import com.eventphotos.api.service.GuestSessionService;

import io.vertx.core.http.HttpServerRequest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Guest links: no account and no token needed, only the link's code and a name. */
@Path("/invites/{code}/guest-sessions")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "guests")
@APIResponse(responseCode = "400", description = "The name breaks a rule, or the invite asks guests to sign in")
public class GuestSessionsResource {

    @Inject
    GuestSessionService guests;

    @Inject
    ClientAddresses addresses;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a guest session with a guest link: a guest token for its event, no account needed")
    @APIResponse(responseCode = "201", description = "The guest token and what it allows")
    @APIResponse(responseCode = "404", description = "No such link")
    @APIResponse(responseCode = "410", description = "The link was revoked, expired, or has no sessions left")
    @APIResponse(
            responseCode = "429",
            description = "Too many sessions from this address or on this link, or too many unknown codes from this"
                    + " address; Retry-After says when")
    public RestResponse<GuestSessionView> start(
            @PathParam("code") @Size(max = 100, message = "must be at most 100 characters") String code,
            @Context HttpServerRequest http,
            CreateGuestSessionRequest request) {
        GuestSessionView session = guests.start(code, request, addresses.of(http), Instant.now());
        return RestResponse.ResponseBuilder.create(Response.Status.CREATED, session)
                .build();
    }
}
