package com.eventphotos.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.jwt.build.Jwt;

/**
 * A seeded generator of bad requests against every endpoint the API documents (new ones join through the OpenAPI
 * document): malformed, forged and foreign tokens, hostile JSON bodies, odd paths, methods, query parameters and
 * headers. The same seed and endpoints give the same requests.
 */
final class HostileRequests {

    record Header(String name, String value) {}

    record Request(String method, String path, List<Header> headers, byte[] body, boolean chunked) {

        Request(String method, String path, List<Header> headers, byte[] body) {
            this(method, path, headers, body, false);
        }

        @Override
        public String toString() {
            String shownPath = path.length() > 200 ? path.substring(0, 200) + "…" : path;
            String authorization = headers.stream()
                    .filter(h -> h.name().equals("Authorization"))
                    .map(h -> h.value().length() > 30
                            ? h.value().substring(0, 30) + "…"
                                    + h.value().substring(h.value().length() - 12) + " len "
                                    + h.value().length()
                            : h.value())
                    .findFirst()
                    .orElse("none");
            return method + " " + shownPath + " (Authorization: " + authorization + "; "
                    + (body == null ? 0 : body.length) + (chunked ? " chunked" : "") + " body bytes)";
        }
    }

    private static final String INITIATE_UPLOAD = "/events/%s/photos/initiate-upload";
    private static final String LISTING = "/events/%s/photos";
    private static final String ONE_PHOTO = "/events/%s/photos/%s";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};
    private static final String[] CONTENT_TYPES = {
        "application/json",
        "application/json; charset=utf-8",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=utf-16",
        "application/xml",
        "*/*",
        ";;;",
    };
    private static final String[] JSON_FRAGMENTS = {
        "null",
        "true",
        "-1",
        "0",
        "1e400",
        "99999999999999999999999",
        "\"\"",
        "[]",
        "{}",
        "\"image/png\"",
        "\"image/jpeg\"",
        "\"x\"",
        "1.5",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"서울 불꽃축제\"",
        "NaN",
        "'single'",
    };
    private static final String PUNCTUATION = "/?#%&=+.\\\"'<>{}\u202E";
    private static final String[] FIELDS = {
        "title", "description", "contentType", "contentLength", "eventId", "__proto__"
    };

    private final Random random;
    private final List<String> endpoints;
    private final List<String> tokens = new ArrayList<>();
    /** Signed once: an RSA signature per request would cost more than the request. */
    private final String validToken = Tokens.forSubject("fuzz");

    /** @param endpoints path templates as the OpenAPI document lists them ({@code /events/{eventId}/photos}) */
    HostileRequests(long seed, List<String> endpoints) {
        this.random = new Random(seed);
        this.endpoints = List.copyOf(endpoints);
        this.tokens.addAll(hostileTokens());
    }

    Request next() {
        return switch (random.nextInt(5)) {
            case 0 -> withHostileToken();
            case 1 -> withHostileBody();
            case 2 -> withHostilePath();
            case 3 -> withHostileQuery();
            default -> withHostileHeaders();
        };
    }

    /** Any endpoint, any method, a token that must be refused. */
    private Request withHostileToken() {
        String token = tokens.get(random.nextInt(tokens.size()));
        String scheme = random.nextBoolean() ? "Bearer " : pick("", "bearer ", "Basic ", "Bearer  ", "Token ");
        return new Request(
                pick(METHODS),
                endpoint(validEventId()),
                List.of(header("Authorization", scheme + token), header("Content-Type", "application/json")),
                validBody());
    }

    /** initiate-upload with a valid token and a body that is not a valid request. */
    private Request withHostileBody() {
        byte[] body =
                switch (random.nextInt(6)) {
                    case 0 -> randomBytes(random.nextInt(2048));
                    case 1 -> ("{" + "\"a\":{".repeat(random.nextInt(3000)) + "}").getBytes(StandardCharsets.UTF_8);
                    case 2 ->
                        ("{\"title\":\"" + "가".repeat(random.nextInt(40_000)) + "\",\"contentType\":\"image/png\"}")
                                .getBytes(StandardCharsets.UTF_8);
                    case 3 -> mutatedObject().getBytes(StandardCharsets.UTF_8);
                    case 4 ->
                        ("{\"title\":\"t\",\"contentType\":\"" + randomText(random.nextInt(20_000)) + "\"}")
                                .getBytes(StandardCharsets.UTF_8);
                    default -> truncated(validBody());
                };
        return new Request(
                "POST",
                String.format(INITIATE_UPLOAD, validEventId()),
                List.of(header("Authorization", "Bearer " + validToken), header("Content-Type", pick(CONTENT_TYPES))),
                body,
                random.nextInt(4) == 0);
    }

    /** A valid token, a path that is not one of ours or carries a bad event or photo id. */
    private Request withHostilePath() {
        String path =
                switch (random.nextInt(4)) {
                    case 0 -> endpoint(encoded(randomText(1 + random.nextInt(300))));
                    case 1 -> "/" + encoded(randomText(random.nextInt(100)));
                    case 2 -> String.format(ONE_PHOTO, validEventId(), encoded(randomText(1 + random.nextInt(80))));
                    default ->
                        endpoint(pick("..", "%2e%2e", "%00", "a%2Fb", "%E2%80%AE", "-".repeat(65), "%ZZ", "a b"));
                };
        return new Request(
                pick(METHODS),
                path,
                List.of(header("Authorization", "Bearer " + validToken)),
                random.nextBoolean() ? validBody() : null);
    }

    /** The listing with hostile limit and nextToken values. */
    private Request withHostileQuery() {
        String query =
                switch (random.nextInt(4)) {
                    case 0 ->
                        "limit=" + encoded(pick("-1", "0", "101", "1e3", "9999999999999", "NaN", " 5", "5 ", "", "٣"));
                    case 1 -> "nextToken=" + encoded(randomBase64Token());
                    case 2 -> "nextToken=" + encoded(randomText(random.nextInt(300)));
                    default ->
                        "limit=" + encoded(randomText(random.nextInt(50))) + "&nextToken=" + encoded(randomText(50))
                                + "&limit=2";
                };
        return new Request(
                "GET",
                String.format(LISTING, validEventId()) + "?" + query,
                List.of(header("Authorization", "Bearer " + validToken)),
                null);
    }

    /** Odd headers beside a valid token: Content-Length lies are left to the HTTP client, which refuses them. */
    private Request withHostileHeaders() {
        List<Header> headers = new ArrayList<>();
        headers.add(header("Authorization", "Bearer " + validToken));
        headers.add(header("Content-Type", pick(CONTENT_TYPES)));
        headers.add(header(
                pick("Accept", "Origin", "X-Forwarded-For", "Accept-Language", "Cookie"),
                randomAscii(random.nextInt(1500))));
        return new Request(pick("POST", "GET"), endpoint(validEventId()), headers, validBody());
    }

    /** Any endpoint the API documents, its first path parameter {@code first}, the others plausible. */
    private String endpoint(String first) {
        Matcher parameters = PATH_PARAMETER.matcher(pick(endpoints.toArray(String[]::new)));
        StringBuilder path = new StringBuilder();
        boolean firstDone = false;
        while (parameters.find()) {
            String value = !firstDone
                    ? first
                    : parameters.group().contains("photo") ? UUID.randomUUID().toString() : validEventId();
            parameters.appendReplacement(path, Matcher.quoteReplacement(value));
            firstDone = true;
        }
        return parameters.appendTail(path).toString();
    }

    private String validEventId() {
        return "fuzz-" + random.nextInt(1000);
    }

    private byte[] validBody() {
        return "{\"title\":\"서울 불꽃축제\",\"description\":\"\",\"contentType\":\"image/jpeg\",\"contentLength\":1000}"
                .getBytes(StandardCharsets.UTF_8);
    }

    private String mutatedObject() {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(pick(FIELDS)).append("\":").append(pick(JSON_FRAGMENTS));
        }
        return json.append(random.nextInt(4) == 0 ? "" : "}").toString();
    }

    private byte[] truncated(byte[] body) {
        byte[] cut = new byte[random.nextInt(body.length)];
        System.arraycopy(body, 0, cut, 0, cut.length);
        return cut;
    }

    private String randomBase64Token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(random.nextInt(200))) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(random.nextInt(40)));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Any code points, including controls, surrogate halves, RTL marks and Korean. */
    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(5);
            text.append(
                    switch (kind) {
                        case 0 -> (char) random.nextInt(0x20);
                        case 1 -> (char) (0xAC00 + random.nextInt(11_172));
                        case 2 -> (char) (0xD800 + random.nextInt(0x800));
                        case 3 -> PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()));
                        default -> (char) (0x21 + random.nextInt(0x5E));
                    });
        }
        return text.toString();
    }

    /** Visible ASCII only: what an HTTP header value may carry. */
    private String randomAscii(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5E)));
        }
        return text.toString();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static Header header(String name, String value) {
        return new Header(name, value);
    }

    /** Tokens every endpoint must refuse: each built once, the generator picks among them. */
    static List<String> hostileTokens() {
        List<Supplier<String>> makers = List.of(
                () -> Tokens.expired("fuzz"),
                () -> Tokens.fromIssuer("https://evil.example.com"),
                Tokens::ofOtherClient,
                () -> Tokens.cognitoIdToken("fuzz", Tokens.OTHER_CLIENT_ID),
                () -> Tokens.untyped("https://service.example.com"),
                HostileRequests::unsignedAlgNone,
                HostileRequests::signedWithAnotherKey,
                HostileRequests::withEditedPayload,
                () -> Tokens.forSubject("fuzz").substring(0, 40),
                () -> "not.a.jwt",
                () -> "",
                () -> "e30.e30.",
                () -> "x".repeat(4000),
                () -> Base64.getUrlEncoder().encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8))
                        + ".e30.c2ln");
        return makers.stream().map(Supplier::get).toList();
    }

    /** {@code alg: none}: a valid claim set with no signature at all. */
    private static String unsignedAlgNone() {
        String valid = Tokens.forSubject("fuzz");
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + valid.split("\\.")[1] + ".";
    }

    private static String signedWithAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair attacker = generator.generateKeyPair();
            return Jwt.subject("fuzz")
                    .issuer(Tokens.ISSUER)
                    .claim("token_use", "access")
                    .claim("client_id", Tokens.CLIENT_ID)
                    .expiresAt(Instant.now().plusSeconds(3600))
                    .sign(attacker.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real token whose payload was swapped for another client's: the signature no longer matches. */
    private static String withEditedPayload() {
        String[] ours = Tokens.forSubject("fuzz").split("\\.");
        String[] theirs = Tokens.ofOtherClient().split("\\.");
        return ours[0] + "." + theirs[1] + "." + ours[2];
    }
}
