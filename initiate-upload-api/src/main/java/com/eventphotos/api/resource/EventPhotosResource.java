package com.eventphotos.api.resource;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.eventphotos.api.access.EventAccessPolicy;
import com.eventphotos.api.auth.Caller;
import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.domain.Permission;
import com.eventphotos.api.error.TooManyUploadsException;
import com.eventphotos.api.model.CompleteUploadRequest;
import com.eventphotos.api.model.CompletedUpload;
import com.eventphotos.api.model.DownloadLink;
import com.eventphotos.api.model.InitiateUploadRequest;
import com.eventphotos.api.model.InitiateUploadResponse;
import com.eventphotos.api.model.InitiateUploadsRequest;
import com.eventphotos.api.model.MultipartUploadView;
import com.eventphotos.api.model.PhotoPage;
import com.eventphotos.api.service.MultipartUploadService;
import com.eventphotos.api.service.PhotoService;
import com.eventphotos.api.service.RateLimiter;
import com.eventphotos.api.service.RateLimiters;
import com.eventphotos.api.service.UploadService;
import com.eventphotos.contract.PhotoView;

import io.quarkus.security.Authenticated;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

    @Inject
    UploadService uploads;

    @Inject
    PhotoService photos;

    @Inject
    MultipartUploadService multipart;

    @Inject
    EventAccessPolicy access;

    @Inject
    Caller caller;

    @Inject
    @Named(RateLimiters.UPLOAD_STARTS)
    RateLimiter rateLimiter;

    @POST
    @Path("/initiate-upload")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a presigned URL to PUT one photo straight to S3 (OWNER or CONTRIBUTOR)")
    @APIResponse(
            responseCode = "201",
            description = "PUT the bytes to s3PutObjectUrl with exactly the returned headers; "
                    + "Location is where the photo's record appears once processed")
    @APIResponse(responseCode = "403", description = "Your role in the event does not allow uploads")
    @APIResponse(responseCode = "404", description = "No such event, or you are not a member")
    @APIResponse(responseCode = "409", description = "The event holds its maximum number of photos")
    @APIResponse(responseCode = "429", description = "Too many uploads started; Retry-After says when to try again")
    public RestResponse<InitiateUploadResponse> initiateUpload(
            @PathParam("eventId") @EventIdParam String eventId,
            @NotNull(message = "a JSON body is required") @Valid InitiateUploadRequest request) {
        InitiateUploadResponse upload = uploads.initiate(uploader(eventId), request);
        return RestResponse.ResponseBuilder.create(Response.Status.CREATED, upload)
                .location(URI.create("/events/" + eventId + "/photos/" + upload.photoId()))
                .build();
    }

    @POST
    @Path("/initiate-uploads")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start up to 50 uploads at once: one check, one count, an answer per photo in the order asked")
    @APIResponse(responseCode = "201", description = "One answer per photo, as initiate-upload gives it")
    @APIResponse(responseCode = "403", description = "Your role in the event does not allow uploads")
    @APIResponse(responseCode = "404", description = "No such event, or you are not a member")
    @APIResponse(responseCode = "409", description = "The photos do not all fit under the event's cap or your quotas")
    @APIResponse(responseCode = "429", description = "Too many starts; Retry-After says when to try again")
    public RestResponse<List<InitiateUploadResponse>> initiateUploads(
            @PathParam("eventId") @EventIdParam String eventId,
            @NotNull(message = "a JSON body is required") @Valid InitiateUploadsRequest request) {
        return RestResponse.ResponseBuilder.create(
                        Response.Status.CREATED, uploads.initiateAll(uploader(eventId), request.photos()))
                .build();
    }

    /**
     * May the caller start uploads here: the rate limit first (a flood is refused before it reaches DynamoDB), then
     * the access decision.
     */
    private Membership uploader(String eventId) {
        rateLimiter.tryAcquire(caller.userId()).ifPresent(wait -> {
            throw new TooManyUploadsException(wait);
        });
        return access.require(eventId, Permission.UPLOAD_PHOTOS);
    }

    @GET
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @Operation(
            summary =
                    "List the event's processed (READY) photos, newest first; owners also see hidden and pending ones")
    @APIResponse(responseCode = "200", description = "A page of photos")
    @APIResponse(responseCode = "404", description = "No such event, or you are not a member")
    public PhotoPage list(
            @PathParam("eventId") @EventIdParam String eventId,
            @Parameter(description = "Page size, 1 to 100 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextToken of the previous page") @QueryParam("nextToken") String nextToken,
            @Parameter(
                            description =
                                    "mine: your own photos (pending ones included); pending: the review queue (owners)")
                    @QueryParam("show")
                    String show) {
        return photos.list(access.require(eventId, Permission.VIEW_OWN_PHOTOS), limit, nextToken, show);
    }

    @GET
    @Path("/{photoId}")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @Operation(summary = "One photo's record in any status, for polling after the upload")
    @APIResponse(responseCode = "200", description = "The record: status READY or REJECTED")
    @APIResponse(responseCode = "404", description = "Not processed (yet), deleted, or no such photo")
    public PhotoView get(@PathParam("eventId") @EventIdParam String eventId, @PathParam("photoId") String photoId) {
        return photos.get(access.require(eventId, Permission.VIEW_OWN_PHOTOS), photoId);
    }

    @GET
    @Path("/{photoId}/original")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @Operation(
            summary = "Download the original as uploaded (its uploader and the event's owners): a 303 to a link valid "
                    + "5 minutes that saves it under its title; with redirect=false the link as JSON instead")
    @APIResponse(responseCode = "303", description = "See the presigned S3 URL in Location")
    @APIResponse(responseCode = "200", description = "redirect=false: {url, expiresAt}")
    @APIResponse(
            responseCode = "403",
            description = "You see the photo, but only its uploader and owners have its original")
    @APIResponse(responseCode = "404", description = "No such photo you may see, or it was rejected or deleted")
    public RestResponse<DownloadLink> original(
            @PathParam("eventId") @EventIdParam String eventId,
            @PathParam("photoId") String photoId,
            @Parameter(
                            description = "false: answer 200 with the link instead of redirecting (for browsers, whose "
                                    + "redirected fetch would drop the bearer token's origin)")
                    @QueryParam("redirect")
                    @DefaultValue("true")
                    boolean redirect) {
        DownloadLink link = photos.original(access.require(eventId, Permission.VIEW_OWN_PHOTOS), photoId);
        return redirect
                ? RestResponse.ResponseBuilder.<DownloadLink>create(Response.Status.SEE_OTHER)
                        .location(link.url())
                        .header("Cache-Control", "no-store")
                        .build()
                : RestResponse.ResponseBuilder.ok(link)
                        .header("Cache-Control", "no-store")
                        .build();
    }

    @DELETE
    @Path("/{photoId}")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @Operation(summary = "Delete a photo: its record, original and renditions (the uploader or an owner)")
    @APIResponse(responseCode = "204", description = "Deleted, or it already was: deleting again is safe")
    @APIResponse(responseCode = "403", description = "Only the uploader or an owner may delete this photo")
    @APIResponse(
            responseCode = "404",
            description = "No such photo; for a contributor also one not processed yet (an owner's delete of that "
                    + "stops it from ever being listed)")
    public RestResponse<Void> delete(
            @PathParam("eventId") @EventIdParam String eventId, @PathParam("photoId") String photoId) {
        photos.delete(access.require(eventId, Permission.DELETE_OWN_PHOTOS), photoId, Instant.now());
        return RestResponse.noContent();
    }

    @GET
    @Path("/{photoId}/upload")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @Operation(summary = "Resume an upload in parts: the parts S3 holds, and fresh URLs for the missing ones")
    @APIResponse(responseCode = "200", description = "The upload's parts; PUT each partUrl, then complete")
    @APIResponse(responseCode = "403", description = "Only the member who started the upload may resume it")
    @APIResponse(responseCode = "404", description = "No unfinished upload in parts with this id")
    @APIResponse(responseCode = "410", description = "Started too long ago: S3 discards it; start again")
    public MultipartUploadView upload(
            @PathParam("eventId") @EventIdParam String eventId, @PathParam("photoId") String photoId) {
        access.require(eventId, Permission.UPLOAD_PHOTOS);
        return multipart.status(eventId, photoId, caller.userId());
    }

    @POST
    @Path("/{photoId}/complete")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete an upload in parts: S3 joins the parts into the photo, which is then processed")
    @APIResponse(responseCode = "200", description = "Stored; poll GET .../photos/{photoId} for READY or REJECTED")
    @APIResponse(responseCode = "403", description = "Only the member who started the upload may complete it")
    @APIResponse(responseCode = "404", description = "No unfinished upload in parts with this id")
    @APIResponse(responseCode = "410", description = "Started too long ago, or aborted: start again")
    public CompletedUpload complete(
            @PathParam("eventId") @EventIdParam String eventId,
            @PathParam("photoId") String photoId,
            @NotNull(message = "a JSON body is required") @Valid CompleteUploadRequest request) {
        access.require(eventId, Permission.UPLOAD_PHOTOS);
        return multipart.complete(eventId, photoId, request.parts(), caller.userId());
    }

    @DELETE
    @Path("/{photoId}/upload")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "guest")
    @Operation(summary = "Abort an unfinished upload in parts: S3 discards its parts")
    @APIResponse(responseCode = "204", description = "Aborted")
    @APIResponse(responseCode = "403", description = "Only the member who started the upload may abort it")
    @APIResponse(responseCode = "404", description = "No unfinished upload in parts with this id")
    public RestResponse<Void> abortUpload(
            @PathParam("eventId") @EventIdParam String eventId, @PathParam("photoId") String photoId) {
        access.require(eventId, Permission.VIEW_OWN_PHOTOS);
        multipart.abort(eventId, photoId, caller.userId());
        return RestResponse.noContent();
    }

    @PUT
    @Path("/{photoId}/approval")
    @Operation(summary = "Approve a guest's photo (OWNER): members see it from now on; rejecting is deleting")
    @APIResponse(responseCode = "204", description = "Approved (or it already was)")
    @APIResponse(responseCode = "404", description = "No READY photo waiting for review with this id")
    public RestResponse<Void> approve(
            @PathParam("eventId") @EventIdParam String eventId, @PathParam("photoId") String photoId) {
        access.require(eventId, Permission.REVIEW_PHOTOS);
        photos.approve(eventId, photoId);
        return RestResponse.noContent();
    }

    @PUT
    @Path("/{photoId}/hidden")
    @Operation(summary = "Hide a photo from everyone but the event's owners (OWNER)")
    @APIResponse(responseCode = "204", description = "Hidden (or it already was)")
    @APIResponse(responseCode = "404", description = "No READY photo with this id")
    public RestResponse<Void> hide(
            @PathParam("eventId") @EventIdParam String eventId, @PathParam("photoId") String photoId) {
        return setHidden(eventId, photoId, true);
    }

    @DELETE
    @Path("/{photoId}/hidden")
    @Operation(summary = "Show a hidden photo to all members again (OWNER)")
    @APIResponse(responseCode = "204", description = "Visible (or it already was)")
    @APIResponse(responseCode = "404", description = "No READY photo with this id")
    public RestResponse<Void> unhide(
            @PathParam("eventId") @EventIdParam String eventId, @PathParam("photoId") String photoId) {
        return setHidden(eventId, photoId, false);
    }

    private RestResponse<Void> setHidden(String eventId, String photoId, boolean hidden) {
        access.require(eventId, Permission.HIDE_PHOTOS);
        photos.setHidden(eventId, photoId, hidden);
        return RestResponse.noContent();
    }
}
