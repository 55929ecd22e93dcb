package com.eventphotos.api.upload;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.eventphotos.contract.EventId;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/events/{eventId}/photos")
@Authenticated
@Tag(name = "photos")
@SecurityRequirement(name = "bearer")
public class PhotoUploadResource {

    private final UploadUrlIssuer issuer;
    private final EventAccessPolicy accessPolicy;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    PhotoUploadResource(UploadUrlIssuer issuer, EventAccessPolicy accessPolicy, SecurityIdentity identity,
                        JsonWebToken token) {
        this.issuer = issuer;
        this.accessPolicy = accessPolicy;
        this.identity = identity;
        this.token = token;
    }

    @POST
    @Path("/initiate-upload")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a presigned URL to PUT one photo straight to S3")
    @APIResponse(responseCode = "201", description = "PUT the bytes to s3PutObjectUrl with exactly the returned headers")
    @APIResponse(responseCode = "400", description = "The request breaks a rule; the body names the field")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    public RestResponse<InitiateUploadResponse> initiateUpload(
            @PathParam("eventId") @Pattern(regexp = EventId.REGEX, message = "must match " + EventId.REGEX) String eventId,
            @NotNull(message = "a JSON body is required") @Valid InitiateUploadRequest request) {
        accessPolicy.requireUploadAllowed(identity, eventId);
        InitiateUploadResponse upload = issuer.issue(eventId, request, uploader());
        return RestResponse.status(Response.Status.CREATED, upload);
    }

    /** The token's subject: stable across renames, unlike a user name. */
    private String uploader() {
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }
}
