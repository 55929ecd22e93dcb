package com.eventphotos.api.resource;

import java.net.URI;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.eventphotos.api.access.EventAccessPolicy;
import com.eventphotos.api.domain.Permission;
import com.eventphotos.api.model.CreateInviteRequest;
import com.eventphotos.api.model.InviteView;
import com.eventphotos.api.model.Listed;
import com.eventphotos.api.service.InviteService;

import io.quarkus.security.Authenticated;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/events/{eventId}/invites")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "invites")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "400", description = "The request breaks a rule; the JSON body names the field")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Only owners manage invites")
@APIResponse(responseCode = "404", description = "No such event or invite, or you are not a member")
public class InvitesResource {

    @Inject
    InviteService invites;

    @Inject
    EventAccessPolicy access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an invite link (OWNER): a code, and the web client's link that accepts it")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<InviteView> create(
            @PathParam("eventId") @EventIdParam String eventId,
            @HeaderParam("Origin") String origin,
            @Valid CreateInviteRequest request) {
        InviteView invite =
                invites.create(access.require(eventId, Permission.MANAGE_MEMBERS), request, origin, Instant.now());
        return RestResponse.ResponseBuilder.create(Response.Status.CREATED, invite)
                .location(URI.create("/events/" + eventId + "/invites/" + invite.code()))
                .build();
    }

    @GET
    @Operation(summary = "The event's invites, revoked and used-up ones included (OWNER)")
    public Listed<InviteView> list(
            @PathParam("eventId") @EventIdParam String eventId, @HeaderParam("Origin") String origin) {
        access.require(eventId, Permission.MANAGE_MEMBERS);
        return new Listed<>(invites.invites(eventId, origin));
    }

    @DELETE
    @Path("/{code}")
    @Operation(summary = "Revoke an invite (OWNER): accepting it answers 410 from then on")
    @APIResponse(responseCode = "204", description = "Revoked (or it already was)")
    public RestResponse<Void> revoke(
            @PathParam("eventId") @EventIdParam String eventId,
            @PathParam("code") @Size(max = 100, message = "must be at most 100 characters") String code) {
        access.require(eventId, Permission.MANAGE_MEMBERS);
        invites.revoke(eventId, code);
        return RestResponse.noContent();
    }
}
