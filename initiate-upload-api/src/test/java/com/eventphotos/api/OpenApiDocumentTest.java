package com.eventphotos.api;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.eventphotos.api.auth.GuestRoutes;
import com.eventphotos.api.resource.EventPhotosResource;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The OpenAPI document lists every endpoint the JAX-RS resources serve, and only those: infra routes the API
 * Gateway from this document, so an endpoint missing here would be unreachable in AWS.
 */
@QuarkusTest
@RealServers
class OpenApiDocumentTest {

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(
            GET.class, "GET",
            POST.class, "POST",
            PUT.class, "PUT",
            DELETE.class, "DELETE",
            PATCH.class, "PATCH",
            HEAD.class, "HEAD");

    @Test
    void document_shouldListEveryMethodAndPathOfTheResources_andNothingElse() throws Exception {
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> METHODS.containsValue(method.toUpperCase()))
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));

        assertEquals(served(), documented);
    }

    @Test
    void document_shouldAskForABearerToken_orAlsoAGuestToken_onEveryOperationButTheTwoPublicOnes() throws Exception {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Set<String> forGuests = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String key = method.toUpperCase() + " " + path;
            Object security = operation.get("security");
            if (security == null) {
                open.add(key);
            } else if (security.equals(List.of(Map.of("bearer", List.of()), Map.of("guest", List.of())))) {
                forGuests.add(key);
            } else {
                assertEquals(List.of(Map.of("bearer", List.of())), security, key);
            }
        }));
        assertEquals(Set.of("GET /.well-known/jwks.json", "POST /invites/{code}/guest-sessions"), open);
        // the routes a guest token is verified on (GuestRoutes) are exactly those the document offers guests
        Set<String> guestRoutes = new TreeSet<>();
        for (String operation : served()) {
            String concrete = operation.replaceAll("\\{[^}]+}", "x");
            if (GuestRoutes.allows(concrete.split(" ")[0], concrete.split(" ")[1])) {
                guestRoutes.add(operation);
            }
        }
        assertEquals(guestRoutes, forGuests);
    }

    /** Every resource method of this application, as "METHOD /path", found by reflection on the compiled classes. */
    private static Set<String> served() throws IOException, URISyntaxException {
        Path classes = Path.of(EventPhotosResource.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Set<String> served = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    METHODS.forEach((annotation, verb) -> {
                        if (method.isAnnotationPresent(annotation)) {
                            jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                            served.add(verb + " " + join(root.value(), sub == null ? "" : sub.value()));
                        }
                    });
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return served;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
