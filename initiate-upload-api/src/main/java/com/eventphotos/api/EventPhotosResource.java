package com.eventphotos.api;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.eventphotos.api.error.Echo;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.api.error.PhotoNotFoundException;
import com.eventphotos.api.error.TooManyUploadsException;
import com.eventphotos.api.photos.PhotoPage;
import com.eventphotos.api.photos.PhotoRepository;
import com.eventphotos.api.photos.PhotoView;
import com.eventphotos.api.upload.InitiateUploadRequest;
import com.eventphotos.api.upload.InitiateUploadResponse;
import com.eventphotos.api.upload.UploadRateLimiter;
import com.eventphotos.api.upload.UploadUrlIssuer;
import com.eventphotos.contract.EventId;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/events/{eventId}/photos")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "photos")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "400", description = "The request breaks a rule; the JSON body names the field")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class EventPhotosResource {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 100;
    private static final String EVENT_ID_MESSAGE = "must match " + EventId.REGEX;

    private final UploadUrlIssuer issuer;
    private final PhotoRepository photos;
    private final EventAccessPolicy accessPolicy;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final UploadRateLimiter rateLimiter;

    EventPhotosResource(
            UploadUrlIssuer issuer,
            PhotoRepository photos,
            EventAccessPolicy accessPolicy,
            SecurityIdentity identity,
            JsonWebToken token,
            UploadRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        this.issuer = issuer;
        this.photos = photos;
        this.accessPolicy = accessPolicy;
        this.identity = identity;
        this.token = token;
    }

    @POST
    @Path("/initiate-upload")
    @Consumes(MediaType.APPLICATION_JSON)
    @NonBlocking // pure CPU (validation and signing, no I/O): runs on the event loop, no worker-thread hand-off
    @Operation(summary = "Get a presigned URL to PUT one photo straight to S3")
    @APIResponse(
            responseCode = "201",
            description = "PUT the bytes to s3PutObjectUrl with exactly the returned headers; "
                    + "Location is where the photo's record appears once processed")
    @APIResponse(responseCode = "429", description = "Too many uploads started; Retry-After says when to try again")
    public RestResponse<InitiateUploadResponse> initiateUpload(
            @PathParam("eventId") @Pattern(regexp = EventId.REGEX, message = EVENT_ID_MESSAGE) String eventId,
            @NotNull(message = "a JSON body is required") @Valid InitiateUploadRequest request) {
        accessPolicy.requireUploadAllowed(identity, eventId);
        String uploader = uploader();
        rateLimiter.tryAcquire(uploader).ifPresent(wait -> {
            throw new TooManyUploadsException(wait);
        });
        InitiateUploadResponse upload = issuer.issue(eventId, request, uploader);
        return RestResponse.ResponseBuilder.create(Response.Status.CREATED, upload)
                .location(URI.create("/events/" + eventId + "/photos/" + upload.photoId()))
                .build();
    }

    @GET
    @Operation(summary = "List the event's processed (READY) photos, newest first")
    @APIResponse(responseCode = "200", description = "A page of photos; an unknown event has none")
    public PhotoPage list(
            @PathParam("eventId") @Pattern(regexp = EventId.REGEX, message = EVENT_ID_MESSAGE) String eventId,
            @Parameter(description = "Page size, 1 to 100 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextToken of the previous page") @QueryParam("nextToken") String nextToken) {
        accessPolicy.requireViewAllowed(identity, eventId);
        return photos.listReady(eventId, pageSize(limit), nextToken == null || nextToken.isEmpty() ? null : nextToken);
    }

    @GET
    @Path("/{photoId}")
    @Operation(summary = "One photo's record in any status, for polling after the upload")
    @APIResponse(responseCode = "200", description = "The record: status READY or REJECTED")
    @APIResponse(responseCode = "404", description = "Not processed (yet), or no such photo")
    public PhotoView get(
            @PathParam("eventId") @Pattern(regexp = EventId.REGEX, message = EVENT_ID_MESSAGE) String eventId,
            @PathParam("photoId") String photoId) {
        accessPolicy.requireViewAllowed(identity, eventId);
        return photos.find(eventId, parsePhotoId(photoId))
                .orElseThrow(() -> new PhotoNotFoundException(eventId, photoId));
    }

    /** The token's subject: stable across renames, unlike a user name. */
    private String uploader() {
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    private static int pageSize(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException(
                "limit", "must be a whole number from 1 to " + MAX_PAGE_SIZE + ", was " + Echo.bounded(limit));
    }

    private static UUID parsePhotoId(String photoId) {
        try {
            UUID uuid = UUID.fromString(photoId);
            if (uuid.toString().equals(photoId)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidRequestException("photoId", "must be a lower-case UUID as returned by initiate-upload");
    }
}
