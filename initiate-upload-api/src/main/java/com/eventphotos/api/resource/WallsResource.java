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
import com.eventphotos.api.model.CreateWallRequest;
import com.eventphotos.api.model.Listed;
import com.eventphotos.api.model.WallPageView;
import com.eventphotos.api.model.WallView;
import com.eventphotos.api.service.WallService;

import io.quarkus.security.Authenticated;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Walls of an event (owners make, list, revoke and rotate them) and the frame of the wall page (the wall's token). */
@Path("/events/{eventId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "walls")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "404", description = "No such event or wall, or you are not a member")
public class WallsResource {

    @Inject
    WallService walls;

    @Inject
    EventAccessPolicy access;

    @POST
    @Path("/walls")
    @Operation(
            summary = "Create a wall (OWNER): a view-only token and the wall page's URL, for a projector or TV;"
                    + " optionally the guest link the wall shows as a QR code")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "guestLinkId is not a usable guest link of this event")
    @APIResponse(responseCode = "403", description = "Only owners make walls")
    public RestResponse<WallView> create(
            @PathParam("eventId") @EventIdParam String eventId,
            @HeaderParam("Origin") String origin,
            @Valid CreateWallRequest request) {
        WallView wall = walls.create(
                access.require(eventId, Permission.MANAGE_MEMBERS),
                request == null ? null : request.guestLinkId(),
                origin,
                Instant.now());
        return created(eventId, wall);
    }

    @GET
    @Path("/walls")
    @Operation(summary = "The event's walls that stand (OWNER), newest first")
    @APIResponse(responseCode = "200", description = "The walls")
    @APIResponse(responseCode = "403", description = "Only owners see walls")
    public Listed<WallView> list(
            @PathParam("eventId") @EventIdParam String eventId, @HeaderParam("Origin") String origin) {
        access.require(eventId, Permission.MANAGE_MEMBERS);
        return new Listed<>(walls.walls(eventId, origin, Instant.now()));
    }

    @DELETE
    @Path("/walls/{wallId}")
    @Operation(summary = "Revoke a wall (OWNER): its token stops working within 30 s")
    @APIResponse(responseCode = "204", description = "Revoked (or it already was)")
    @APIResponse(responseCode = "403", description = "Only owners revoke walls")
    public RestResponse<Void> revoke(
            @PathParam("eventId") @EventIdParam String eventId,
            @PathParam("wallId") @Size(max = 100, message = "must be at most 100 characters") String wallId) {
        access.require(eventId, Permission.MANAGE_MEMBERS);
        walls.revoke(eventId, wallId);
        return RestResponse.noContent();
    }

    @POST
    @Path("/walls/{wallId}/rotation")
    @Operation(summary = "Rotate a wall (OWNER): a new wall and URL; the old token stops working within 30 s")
    @APIResponse(responseCode = "201", description = "The new wall")
    @APIResponse(responseCode = "403", description = "Only owners rotate walls")
    public RestResponse<WallView> rotate(
            @PathParam("eventId") @EventIdParam String eventId,
            @PathParam("wallId") @Size(max = 100, message = "must be at most 100 characters") String wallId,
            @HeaderParam("Origin") String origin) {
        WallView wall = walls.rotate(access.require(eventId, Permission.MANAGE_MEMBERS), wallId, origin, Instant.now());
        return created(eventId, wall);
    }

    @GET
    @Path("/wall")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @Operation(
            summary = "The wall page's frame (the wall's token, or an owner): the event's name and the guest link the"
                    + " owner picked for this wall, if any, for its QR code")
    @APIResponse(responseCode = "200", description = "The frame")
    @APIResponse(responseCode = "403", description = "Only a wall's token and owners open the wall page")
    public WallPageView page(@PathParam("eventId") @EventIdParam String eventId, @HeaderParam("Origin") String origin) {
        return walls.page(access.require(eventId, Permission.SHOW_WALL), origin, Instant.now());
    }

    private static RestResponse<WallView> created(String eventId, WallView wall) {
        return RestResponse.ResponseBuilder.create(Response.Status.CREATED, wall)
                .location(URI.create("/events/" + eventId + "/walls/" + wall.wallId()))
                .build();
    }
}
