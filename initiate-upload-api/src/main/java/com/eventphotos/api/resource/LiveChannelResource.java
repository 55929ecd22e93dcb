package com.eventphotos.api.resource;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.eventphotos.api.access.EventAccessPolicy;
import com.eventphotos.api.domain.Permission;
import com.eventphotos.api.model.LiveChannelView;
import com.eventphotos.api.service.LiveChannelService;

import io.quarkus.security.Authenticated;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The event's live channel, for whoever may see its photos. The Event API's authorizer (AWS) and the local event
 * server ask this same question before a subscription: a 200 here is the only way to subscribe.
 */
@Path("/events/{eventId}/live")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "photos")
@SecurityRequirement(name = "bearer")
public class LiveChannelResource {

    @Inject
    EventAccessPolicy access;

    @Inject
    LiveChannelService live;

    @GET
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @Operation(summary = "Where the event's galleries subscribe to new and removed photos")
    @APIResponse(responseCode = "200", description = "The channel and the WebSocket endpoint")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "You may not see the event's photos (an upload-only guest)")
    @APIResponse(responseCode = "404", description = "No such event, or you are not a member")
    public LiveChannelView channel(@PathParam("eventId") @EventIdParam String eventId) {
        // read afresh: the event server and the deployed authorizer ask this of subscriptions, revocation must show
        access.requireNow(eventId, Permission.VIEW_PHOTOS);
        return live.channelOf(eventId);
    }
}
