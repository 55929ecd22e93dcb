package com.eventphotos.api.resource;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.eventphotos.api.auth.Caller;
import com.eventphotos.api.model.AcceptedInvite;
import com.eventphotos.api.service.InviteService;

import io.quarkus.security.Authenticated;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/invites/{code}/accept")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "invites")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class InviteAcceptResource {

    @Inject
    InviteService invites;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Join the invite's event with the invite's role (a member already keeps their role)")
    @APIResponse(responseCode = "200", description = "You are a member: the event and your role")
    @APIResponse(responseCode = "404", description = "No such invite")
    @APIResponse(responseCode = "410", description = "The invite expired, was revoked, or is used up")
    public AcceptedInvite accept(
            @PathParam("code") @Size(max = 100, message = "must be at most 100 characters") String code) {
        return invites.accept(code, caller.userId(), caller.displayName(), Instant.now());
    }
}
