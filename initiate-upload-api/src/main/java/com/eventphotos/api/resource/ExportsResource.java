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
import com.eventphotos.api.model.ExportView;
import com.eventphotos.api.model.Listed;
import com.eventphotos.api.service.ExportService;

import io.quarkus.security.Authenticated;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Exports of an event's photos as ZIP archives of the originals (owners), built in the background. */
@Path("/events/{eventId}/exports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "exports")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Only owners export an event's photos")
@APIResponse(responseCode = "404", description = "No such event or export, or you are not a member")
public class ExportsResource {

    @Inject
    ExportService exports;

    @Inject
    EventAccessPolicy access;

    @POST
    @Operation(
            summary = "Export every photo members see (OWNER): originals in ZIP archives of at most 4 GiB, built in "
                    + "the background; while one runs, asking again returns it")
    @APIResponse(responseCode = "202", description = "Accepted: {exportId, status}; poll its Location")
    public RestResponse<ExportView> start(@PathParam("eventId") @EventIdParam String eventId) {
        ExportView export = exports.start(access.require(eventId, Permission.EXPORT_PHOTOS), Instant.now());
        return RestResponse.ResponseBuilder.create(Response.Status.ACCEPTED, export)
                .location(URI.create("/events/" + eventId + "/exports/" + export.exportId()))
                .build();
    }

    @GET
    @Operation(summary = "The event's exports of the last 7 days (OWNER), newest first")
    @APIResponse(responseCode = "200", description = "The exports")
    public Listed<ExportView> list(@PathParam("eventId") @EventIdParam String eventId) {
        access.require(eventId, Permission.EXPORT_PHOTOS);
        return new Listed<>(exports.list(eventId, Instant.now()));
    }

    @GET
    @Path("/{exportId}")
    @Operation(
            summary = "One export (OWNER): its progress, and once READY a fresh link to each archive (none once"
                    + " WITHDRAWN: a photo in it was deleted, and its archives with it)")
    @APIResponse(responseCode = "200", description = "The export")
    public ExportView get(
            @PathParam("eventId") @EventIdParam String eventId,
            @PathParam("exportId") @Size(max = 100, message = "must be at most 100 characters") String exportId) {
        access.require(eventId, Permission.EXPORT_PHOTOS);
        return exports.get(eventId, exportId, Instant.now());
    }
}
