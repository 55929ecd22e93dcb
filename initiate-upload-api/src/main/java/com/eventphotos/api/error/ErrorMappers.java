package com.eventphotos.api.error;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.eventphotos.api.auth.AuthFailureResponses;
import com.eventphotos.api.domain.ConflictException;
import com.eventphotos.api.domain.Echo;
import com.eventphotos.api.domain.EventAccessDeniedException;
import com.eventphotos.api.domain.GoneException;
import com.eventphotos.api.domain.ResourceNotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import io.quarkus.security.UnauthorizedException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Turns every client mistake into a 4xx with a JSON {@link ErrorResponse}, never a bare 500; an unavailable
 * dependency into a 503 with Retry-After.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    /** After a dependency failed: its deadlines are a few seconds, and most outages we see are shorter. */
    static final long DEPENDENCY_RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> invalidRequest(InvalidRequestException e) {
        return json(Response.Status.BAD_REQUEST, ErrorResponse.forField(400, "Bad Request", e.field(), e.getMessage()));
    }

    /** No token at all on an endpoint that needs one (a refused token is answered in AuthFailureResponses). */
    @ServerExceptionMapper
    public RestResponse<ErrorResponse> unauthorized(UnauthorizedException e) {
        return RestResponse.ResponseBuilder.create(
                        Response.Status.UNAUTHORIZED, AuthFailureResponses.unauthorizedBody())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(AuthFailureResponses.CHALLENGE_HEADER, AuthFailureResponses.CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> tooManyUploads(TooManyUploadsException e) {
        return retryLater(ErrorResponse.of(429, "Too Many Requests", e.getMessage()), e.retryAfterSeconds());
    }

    /**
     * S3 or DynamoDB did not answer within its deadline (application.properties), refused the connection, was
     * throttled or answered 5xx: nothing the client did, and worth trying again soon, so 503 with Retry-After. Any other
     * refusal by AWS (access denied, a malformed call) is ours: 500.
     */
    @ServerExceptionMapper
    public RestResponse<ErrorResponse> dependencyFailed(SdkException e) {
        if (isTransient(e)) {
            LOG.warnf("a dependency is unavailable: %s", e.getMessage());
            return retryLater(
                    ErrorResponse.of(
                            503,
                            "Service Unavailable",
                            "the photo store did not answer in time; nothing was changed, try again in a few seconds"),
                    DEPENDENCY_RETRY_AFTER_SECONDS);
        }
        LOG.error("an AWS call was refused", e);
        return json(
                Response.Status.INTERNAL_SERVER_ERROR,
                ErrorResponse.of(500, "Internal Server Error", "internal error"));
    }

    private static boolean isTransient(SdkException e) {
        return e instanceof SdkClientException
                || (e instanceof SdkServiceException service
                        && (service.statusCode() >= 500 || service.isThrottlingException()));
    }

    private static RestResponse<ErrorResponse> retryLater(ErrorResponse body, long seconds) {
        return RestResponse.ResponseBuilder.<ErrorResponse>create(body.status())
                .entity(body)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", Long.toString(seconds))
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> notFound(ResourceNotFoundException e) {
        return json(Response.Status.NOT_FOUND, ErrorResponse.of(404, "Not Found", e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> conflict(ConflictException e) {
        return json(
                Response.Status.CONFLICT,
                ErrorResponse.of(409, "Conflict", e.getMessage()).withCode(e.code()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> gone(GoneException e) {
        return json(Response.Status.GONE, ErrorResponse.of(410, "Gone", e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> constraintViolation(ConstraintViolationException e) {
        List<ErrorResponse.FieldError> violations = e.getConstraintViolations().stream()
                .map(v -> new ErrorResponse.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(ErrorResponse.FieldError::field))
                .toList();
        String message =
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return json(Response.Status.BAD_REQUEST, ErrorResponse.withViolations(400, "Bad Request", message, violations));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> unreadableJson(JsonProcessingException e) {
        return json(Response.Status.BAD_REQUEST, unreadableJsonBody(e));
    }

    /** More specific than the mapper above, so it also wins over Quarkus' built-in one for this type. */
    @ServerExceptionMapper
    public RestResponse<ErrorResponse> mismatchedJson(MismatchedInputException e) {
        return json(Response.Status.BAD_REQUEST, unreadableJsonBody(e));
    }

    /**
     * Quarkus REST reports framework-level client errors (unparseable body, unknown path, ...) as a
     * WebApplicationException with an empty body; give them the same JSON shape as ours.
     */
    @ServerExceptionMapper
    public RestResponse<ErrorResponse> webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(Response.Status.BAD_REQUEST, unreadableJsonBody(json));
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            LOG.error("request failed", e);
            return RestResponse.ResponseBuilder.<ErrorResponse>create(status.getStatusCode())
                    .entity(ErrorResponse.of(status.getStatusCode(), status.getReasonPhrase(), "internal error"))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        RestResponse.ResponseBuilder<ErrorResponse> response = RestResponse.ResponseBuilder.<ErrorResponse>create(
                        status.getStatusCode())
                .entity(ErrorResponse.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()))
                .type(MediaType.APPLICATION_JSON_TYPE);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    private static ErrorResponse unreadableJsonBody(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return ErrorResponse.forField(400, "Bad Request", Echo.bounded(field), "has the wrong type or format");
        }
        return ErrorResponse.of(
                400, "Bad Request", "the request body is not valid JSON: " + Echo.bounded(e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> unsupportedMediaType(NotSupportedException e) {
        return json(
                Response.Status.UNSUPPORTED_MEDIA_TYPE,
                ErrorResponse.of(415, "Unsupported Media Type", "send the request body as application/json"));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> accessDenied(EventAccessDeniedException e) {
        LOG.debugf("refused: %s", e.getMessage());
        return json(Response.Status.FORBIDDEN, ErrorResponse.of(403, "Forbidden", e.getMessage()));
    }

    private static RestResponse<ErrorResponse> json(Response.Status status, ErrorResponse body) {
        return RestResponse.ResponseBuilder.create(status, body)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /**
     * "initiateUpload.request.title" is "title", "initiateUploads.request.photos[3].title" is "photos[3].title"; a
     * violation on the whole body is "body"; one on a path or query parameter is the parameter's name.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .toList();
        Path.Node last = nodes.get(nodes.size() - 1);
        if (last.getKind() == jakarta.validation.ElementKind.PARAMETER) {
            return nodes.size() == 2 && last.getName().equals("request") ? "body" : last.getName();
        }
        StringBuilder field = new StringBuilder();
        boolean inBody = false;
        for (Path.Node node : nodes) {
            if (!inBody) {
                inBody = node.getKind() == jakarta.validation.ElementKind.PARAMETER;
                continue;
            }
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? last.getName() : field.toString();
    }
}
