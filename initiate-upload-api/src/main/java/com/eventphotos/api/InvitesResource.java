package com.eventphotos.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.eventphotos.api.auth.Caller;
import com.eventphotos.api.error.EventNotFoundException;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.api.events.CreateInviteRequest;
import com.eventphotos.api.events.EventRepository;
import com.eventphotos.api.events.EventView;
import com.eventphotos.api.events.InviteRepository;
import com.eventphotos.api.events.InviteView;
import com.eventphotos.api.events.Listed;
import com.eventphotos.api.events.Permission;
import com.eventphotos.api.events.Role;
import com.eventphotos.contract.EventId;

import io.quarkus.security.Authenticated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    static final int DEFAULT_MAX_USES = 50;
    private static final String EVENT_ID_MESSAGE = "must match " + EventId.REGEX;

    private final EventRepository events;
    private final InviteRepository invites;
    private final EventAccessPolicy access;
    private final Caller caller;
    private final UploadApiConfig config;

    InvitesResource(
            EventRepository events,
            InviteRepository invites,
            EventAccessPolicy access,
            Caller caller,
            UploadApiConfig config) {
        this.events = events;
        this.invites = invites;
        this.access = access;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an invite link (OWNER): a code, and the web client's link that accepts it")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<InviteView> create(
            @PathParam("eventId") @Pattern(regexp = EventId.REGEX, message = EVENT_ID_MESSAGE) String eventId,
            @HeaderParam("Origin") String origin,
            @Valid CreateInviteRequest request) {
        EventView event = events.find(access.require(eventId, Permission.MANAGE_MEMBERS))
                .orElseThrow(() -> new EventNotFoundException(eventId));
        Instant now = Instant.now();
        CreateInviteRequest asked = request != null ? request : new CreateInviteRequest(null, null, null);
        Role role = asked.role() != null ? asked.role() : Role.CONTRIBUTOR;
        if (role == Role.OWNER) {
            throw new InvalidRequestException(
                    "role",
                    "an invite makes CONTRIBUTOR or VIEWER members; make a member OWNER by changing their role");
        }
        Instant expiresAt = asked.expiresAt() != null ? asked.expiresAt() : now.plus(DEFAULT_LIFETIME);
        Duration maxLifetime = config.events().maxInviteLifetime();
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(maxLifetime))) {
            throw new InvalidRequestException(
                    "expiresAt", "must be in the future and at most " + maxLifetime.toDays() + " days ahead");
        }
        int maxUses = asked.maxUses() != null ? asked.maxUses() : DEFAULT_MAX_USES;
        if (maxUses > config.events().maxInviteUses()) {
            throw new InvalidRequestException(
                    "maxUses", "must be from 1 to " + config.events().maxInviteUses());
        }
        InviteView invite = invites.create(event, role, expiresAt, maxUses, caller.userId(), now, webClient(origin));
        return RestResponse.ResponseBuilder.create(Response.Status.CREATED, invite)
                .location(URI.create("/events/" + eventId + "/invites/" + invite.code()))
                .build();
    }

    @GET
    @Operation(summary = "The event's invites, revoked and used-up ones included (OWNER)")
    public Listed<InviteView> list(
            @PathParam("eventId") @Pattern(regexp = EventId.REGEX, message = EVENT_ID_MESSAGE) String eventId,
            @HeaderParam("Origin") String origin) {
        access.require(eventId, Permission.MANAGE_MEMBERS);
        return new Listed<>(invites.list(eventId, webClient(origin)));
    }

    /**
     * Links point at the web client the owner is using (the browser's Origin, when it is one of the allowed
     * origins), else at the first allowed origin (a call from curl or a script).
     */
    private String webClient(String origin) {
        List<String> allowed = config.allowedOrigins();
        String base = origin != null && allowed.contains(origin) ? origin : allowed.get(0);
        return base.replaceAll("/+$", "");
    }

    @DELETE
    @Path("/{code}")
    @Operation(summary = "Revoke an invite (OWNER): accepting it answers 410 from then on")
    @APIResponse(responseCode = "204", description = "Revoked (or it already was)")
    public RestResponse<Void> revoke(
            @PathParam("eventId") @Pattern(regexp = EventId.REGEX, message = EVENT_ID_MESSAGE) String eventId,
            @PathParam("code") @Size(max = 100, message = "must be at most 100 characters") String code) {
        access.require(eventId, Permission.MANAGE_MEMBERS);
        invites.revoke(eventId, code);
        return RestResponse.noContent();
    }
}
