package com.eventphotos.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The API's endpoints, read from the OpenAPI document its build writes ({@code
 * initiate-upload-api/target/openapi/openapi.json}): the gateway routes exactly these, so an endpoint added to the
 * API is routed by the next deploy and a removed one stops being routed. Each operation's {@code security} says which
 * authorizer guards its route: the schemes it lists, by name ({@link Access}).
 */
public record ApiRoutes(List<Route> routes) {

    public static final Path BUILT_DOCUMENT = Path.of("../initiate-upload-api/target/openapi/openapi.json");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** Who may call a route, from the operation's OpenAPI security requirement. */
    public enum Access {
        /** {@code security: [{bearer: []}]}: a Cognito token of the web client (the JWT authorizer checks it). */
        MEMBERS,
        /**
         * {@code security: [{bearer: []}, {guest: []}]}: a Cognito token or a guest token this API signed (a Lambda
         * authorizer checks either: a JWT authorizer takes one issuer).
         */
        MEMBERS_OR_GUESTS,
        /** No security requirement: anyone (the API itself decides, e.g. a guest session from an invite code). */
        PUBLIC;

        static Access of(Set<String> schemes, String where) {
            if (schemes.isEmpty()) {
                return PUBLIC;
            }
            if (schemes.equals(Set.of("bearer"))) {
                return MEMBERS;
            }
            if (schemes.equals(Set.of("bearer", "guest"))) {
                return MEMBERS_OR_GUESTS;
            }
            throw new IllegalArgumentException(
                    where + " declares security schemes " + schemes + ", which no gateway authorizer stands for");
        }
    }

    /** @param key API Gateway's route key: {@code "GET /events/{eventId}"} */
    public record Route(String method, String path, Access access) {
        public String key() {
            return method + " " + path;
        }
    }

    public ApiRoutes {
        routes = List.copyOf(routes);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("the API document lists no endpoints");
        }
    }

    public static ApiRoutes fromDocument(Path document) {
        if (!Files.isRegularFile(document)) {
            throw new IllegalStateException(document + " is missing: build the API first (./mvnw package -pl "
                    + "initiate-upload-api -am) so that its OpenAPI document exists");
        }
        try {
            return fromJson(new ObjectMapper().readTree(document.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API document " + document, e);
        }
    }

    static ApiRoutes fromJson(JsonNode document) {
        Set<String> global = schemes(document.path("security"));
        List<Route> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = ops.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue; // path-level "parameters", "summary", ...
                }
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                JsonNode security = operation.getValue().get("security");
                Set<String> schemes = security == null ? global : schemes(security);
                routes.add(new Route(method, path.getKey(), Access.of(schemes, method + " " + path.getKey())));
            }
        }
        return new ApiRoutes(routes);
    }

    /** Method and path of every endpoint ("GET /events"), sorted. */
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        routes.forEach(route -> keys.add(route.key()));
        return keys;
    }

    private static Set<String> schemes(JsonNode requirements) {
        Set<String> schemes = new TreeSet<>();
        requirements.forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
        return schemes;
    }
}
