package com.eventphotos.api;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.eventphotos.api.auth.Caller;
import com.eventphotos.api.error.EventNotFoundException;
import com.eventphotos.api.events.CreateEventRequest;
import com.eventphotos.api.events.EventRepository;
import com.eventphotos.api.events.EventView;
import com.eventphotos.api.events.Listed;
import com.eventphotos.api.events.Permission;
import com.eventphotos.contract.EventId;

import io.quarkus.security.Authenticated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventRepository events;
    private final EventAccessPolicy access;
    private final Caller caller;

    EventsResource(EventRepository events, EventAccessPolicy access, Caller caller) {
        this.events = events;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an event; you become its OWNER")
    @APIResponse(responseCode = "201", description = "Created; Location is the event")
    @APIResponse(responseCode = "409", description = "The eventId asked for is taken")
    public RestResponse<EventView> create(
            @NotNull(message = "a JSON body is required") @Valid CreateEventRequest request) {
        String eventId = request.eventId() != null ? request.eventId() : generatedId();
        EventView event =
                events.create(eventId, request.name().strip(), caller.userId(), caller.displayName(), Instant.now());
        return RestResponse.ResponseBuilder.create(Response.Status.CREATED, event)
                .location(URI.create("/events/" + eventId))
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
    public EventView get(
            @PathParam("eventId") @Pattern(regexp = EventId.REGEX, message = "must match " + EventId.REGEX)
                    String eventId) {
        return events.find(access.require(eventId, Permission.VIEW_PHOTOS))
                .orElseThrow(() -> new EventNotFoundException(eventId));
    }

    /** 12 URL-safe characters (72 random bits): unguessable enough that ids do not reveal how many events exist. */
    private static String generatedId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
