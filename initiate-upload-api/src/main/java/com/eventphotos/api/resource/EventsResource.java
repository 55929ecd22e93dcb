package com.eventphotos.api.resource;

import java.net.URI;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.eventphotos.api.access.EventAccessPolicy;
import com.eventphotos.api.auth.Caller;
import com.eventphotos.api.domain.Permission;
import com.eventphotos.api.model.CreateEventRequest;
import com.eventphotos.api.model.EventView;
import com.eventphotos.api.model.Listed;
import com.eventphotos.api.service.EventService;

import io.quarkus.security.Authenticated;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "400", description = "The request breaks a rule; the JSON body names the field")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class EventsResource {

    @Inject
    EventService events;

    @Inject
    EventAccessPolicy access;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an event; you become its OWNER")
    @APIResponse(responseCode = "201", description = "Created; Location is the event")
    @APIResponse(responseCode = "409", description = "The eventId asked for is taken")
    public RestResponse<EventView> create(
            @NotNull(message = "a JSON body is required") @Valid CreateEventRequest request) {
        EventView event = events.create(request, caller.userId(), caller.displayName(), Instant.now());
        return RestResponse.ResponseBuilder.create(Response.Status.CREATED, event)
                .location(URI.create("/events/" + event.eventId()))
                .build();
    }

    @GET
    @Operation(summary = "The events you belong to, with your role in each")
    public Listed<EventView> mine() {
        return new Listed<>(events.eventsOf(caller.userId()));
    }

    @GET
    @Path("/{eventId}")
    @Operation(summary = "One event you belong to, with your role")
    @APIResponse(responseCode = "404", description = "No such event, or you are not a member")
    public EventView get(@PathParam("eventId") @EventIdParam String eventId) {
        return events.get(access.require(eventId, Permission.VIEW_PHOTOS));
    }
}
