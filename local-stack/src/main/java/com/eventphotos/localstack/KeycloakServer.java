package com.eventphotos.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak's server distribution (unpacked by this module's build), in dev mode with an in-memory database:
 * every start creates the demo realm afresh, with a new random password for the demo user and for the
 * bootstrap admin. Listens on loopback only; its issuer is {@code http://127.0.0.1:<port>/realms/event-photos}.
 */
final class KeycloakServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /** After the master realm answers, the new realm's discovery document follows within moments. */
    private static final Duration REALM_TIMEOUT = Duration.ofSeconds(30);

    private final ChildProcess process;
    private final int port;
    private final String baseUrl;
    private final String adminPassword;
    private final String organiserPassword;
    private final String guestPassword;

    private KeycloakServer(
            ChildProcess process, int port, String adminPassword, String organiserPassword, String guestPassword) {
        this.process = process;
        this.port = port;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.adminPassword = adminPassword;
        this.organiserPassword = organiserPassword;
        this.guestPassword = guestPassword;
    }

    /**
     * Starts Keycloak on {@code port} and creates the demo realm; stops it again if that fails (a
     * {@link com.eventphotos.emulators.PortTakenException} when the port was taken).
     */
    static KeycloakServer start(LocalStackConfig config, int port, List<String> webOrigins) {
        KeycloakServer keycloak = launch(config, port);
        try {
            keycloak.awaitRealm(webOrigins);
            return keycloak;
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
    }

    private static KeycloakServer launch(LocalStackConfig config, int port) {
        Path home = new BuiltArtifacts(config.repositoryRoot()).keycloakHome();
        String baseUrl = "http://127.0.0.1:" + port;
        String adminPassword = randomSecret();
        ChildProcess process = ChildProcess.start(
                "keycloak (OIDC provider)",
                List.of(
                        "bash",
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--db=dev-mem",
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--hostname=" + baseUrl,
                        "--health-enabled=false",
                        "--metrics-enabled=false"),
                Map.of(
                        "JAVA_HOME",
                        System.getProperty("java.home"),
                        "KC_BOOTSTRAP_ADMIN_USERNAME",
                        "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD",
                        adminPassword),
                home,
                config.logDir().resolve("keycloak.log"));
        return new KeycloakServer(process, port, adminPassword, randomSecret(), randomSecret());
    }

    private void awaitRealm(List<String> webOrigins) {
        Readiness.awaitHttp200(process, baseUrl + "/realms/master", START_TIMEOUT);
        try {
            String token = adminToken();
            HttpResponse<String> created = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(realmJson(webOrigins)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new LocalStackException(
                        "keycloak refused the demo realm (" + created.statusCode() + "): " + created.body());
            }
        } catch (IOException e) {
            throw new LocalStackException("keycloak: creating the demo realm failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted", e);
        }
        Readiness.awaitHttp200(process, issuer() + "/.well-known/openid-configuration", REALM_TIMEOUT);
    }

    /** Keycloak's process, to watch it. */
    ChildProcess process() {
        return process;
    }

    int port() {
        return port;
    }

    String issuer() {
        return baseUrl + "/realms/" + LocalStackConfig.REALM;
    }

    String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    String organiserPassword() {
        return organiserPassword;
    }

    String guestPassword() {
        return guestPassword;
    }

    @Override
    public void close() {
        process.close();
    }

    private String adminToken() throws IOException, InterruptedException {
        String form = Stream.of(
                        Map.entry("grant_type", "password"), Map.entry("client_id", "admin-cli"),
                        Map.entry("username", "admin"), Map.entry("password", adminPassword))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new LocalStackException(
                    "keycloak: admin login failed (" + response.statusCode() + "): " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private String realmJson(List<String> webOrigins) throws IOException {
        try (InputStream template = KeycloakServer.class.getResourceAsStream("/localstack/event-photos-realm.json")) {
            String json = new String(template.readAllBytes(), StandardCharsets.UTF_8);
            return json.replace("${ORGANISER_USERNAME}", LocalStackConfig.ORGANISER_USERNAME)
                    .replace("${ORGANISER_PASSWORD}", organiserPassword)
                    .replace("${GUEST_USERNAME}", LocalStackConfig.GUEST_USERNAME)
                    .replace("${GUEST_PASSWORD}", guestPassword)
                    .replace(
                            "${WEB_REDIRECT_URIS}",
                            JSON.writeValueAsString(
                                    webOrigins.stream().map(o -> o + "/*").toList()))
                    .replace("${WEB_ORIGINS}", JSON.writeValueAsString(webOrigins));
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
