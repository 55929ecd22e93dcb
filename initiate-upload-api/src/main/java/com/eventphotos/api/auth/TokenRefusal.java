package com.eventphotos.api.auth;

import java.util.regex.Pattern;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

import com.eventphotos.api.domain.Echo;

/** Why a token was refused, in words an operator can act on, with no token (or token fragment) in it. */
final class TokenRefusal {

    private static final Pattern JWT_LIKE = Pattern.compile("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");

    private TokenRefusal() {}

    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                return reason(invalid);
            }
            if (cause instanceof UnresolvableKeyException) {
                return "bad signature: signed with a key the issuer does not publish";
            }
        }
        String message = null;
        for (Throwable cause = failure; cause != null && message == null; cause = cause.getCause()) {
            message = cause.getMessage();
        }
        return message == null
                ? "no token, or not a JWT"
                : Echo.bounded(JWT_LIKE.matcher(message).replaceAll("<jwt>"));
    }

    private static String reason(InvalidJwtException invalid) {
        if (invalid.hasExpired()) {
            return "expired";
        }
        if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "wrong issuer";
        }
        if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "wrong audience";
        }
        if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return "bad signature";
        }
        if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "not yet valid";
        }
        return "invalid JWT (jose4j error codes "
                + invalid.getErrorDetails().stream()
                        .map(detail -> Integer.toString(detail.getErrorCode()))
                        .toList() + ")";
    }
}
