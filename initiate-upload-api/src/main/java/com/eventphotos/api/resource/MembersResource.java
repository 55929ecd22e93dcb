package com.eventphotos.api.resource;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.eventphotos.api.access.EventAccessPolicy;
import com.eventphotos.api.domain.Permission;
import com.eventphotos.api.model.ChangeRoleRequest;
import com.eventphotos.api.model.Listed;
import com.eventphotos.api.model.MemberView;
import com.eventphotos.api.service.MemberService;

import io.quarkus.security.Authenticated;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/events/{eventId}/members")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "members")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "400", description = "The request breaks a rule; the JSON body names the field")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Only owners manage members")
@APIResponse(responseCode = "404", description = "No such event or member, or you are not a member")
public class MembersResource {

    /** Token subjects are UUIDs in Cognito and Keycloak; the bound keeps any other value far below DynamoDB's key limit. */
    private static final int MAX_USER_ID = 200;

    @Inject
    MemberService members;

    @Inject
    EventAccessPolicy access;

    @GET
    @Operation(summary = "The event's members and their roles (OWNER)")
    public Listed<MemberView> list(@PathParam("eventId") @EventIdParam String eventId) {
        access.require(eventId, Permission.MANAGE_MEMBERS);
        return new Listed<>(members.members(eventId));
    }

    @PUT
    @Path("/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a member's role (OWNER); the event keeps at least one owner")
    @APIResponse(responseCode = "409", description = "It would leave the event without an owner")
    public MemberView changeRole(
            @PathParam("eventId") @EventIdParam String eventId,
            @PathParam("userId") @Size(max = MAX_USER_ID, message = "must be at most 200 characters") String userId,
            @NotNull(message = "a JSON body is required") @Valid ChangeRoleRequest request) {
        access.require(eventId, Permission.MANAGE_MEMBERS);
        return members.changeRole(eventId, userId, request.role());
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Remove a member (OWNER), or leave the event yourself; the event keeps at least one owner")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "It would leave the event without an owner")
    public RestResponse<Void> remove(
            @PathParam("eventId") @EventIdParam String eventId,
            @PathParam("userId") @Size(max = MAX_USER_ID, message = "must be at most 200 characters") String userId) {
        access.requireMayRemove(eventId, userId);
        members.remove(eventId, userId);
        return RestResponse.noContent();
    }
}
