package com.eventphotos.api.auth;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The only requests a guest token is checked for (anywhere else it is an unknown issuer's token: 401): uploading
 * (single and in parts, in batches), the photos of their event, deleting their own and downloading their originals, the upload policy, their event's live channel and wall frame (a wall's token is a guest token that may only see). The OpenAPI
 * document marks the same operations with the {@code guest} security scheme (a test holds them equal).
 */
public final class GuestRoutes {

    private static final String PHOTOS = "/events/[^/]+/photos";
    private static final String PHOTO = PHOTOS + "/[^/]+";

    /** Method and path pattern of each operation a guest may call. */
    public static final List<String> OPERATIONS = List.of(
            "GET /upload-policy",
            "GET " + PHOTOS,
            "POST " + PHOTOS + "/initiate-upload",
            "POST " + PHOTOS + "/initiate-uploads",
            "GET " + PHOTO,
            "GET " + PHOTO + "/original",
            "DELETE " + PHOTO,
            "GET " + PHOTO + "/upload",
            "DELETE " + PHOTO + "/upload",
            "POST " + PHOTO + "/complete",
            "GET /events/[^/]+/live",
            "GET /events/[^/]+/wall");

    private static final List<Pattern> PATTERNS =
            OPERATIONS.stream().map(Pattern::compile).toList();

    private GuestRoutes() {}

    public static boolean allows(String method, String path) {
        String request = method + " " + path;
        return PATTERNS.stream().anyMatch(pattern -> pattern.matcher(request).matches());
    }
}
