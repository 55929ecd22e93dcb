package com.eventphotos.localstack.live;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.eventphotos.contract.live.LiveEventPublisher;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * The IAM check of a publish, as AppSync Events does it: a SigV4 signature for the {@code appsync} service by the
 * one identity allowed to publish (here: the stack's own key pair, which the functions get as their "role"),
 * at most 5 minutes off. The signature is computed again over the signed headers and the body, and compared.
 */
final class PublishSignatureCheck {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?"
                    + "Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final long MAX_SKEW_SECONDS = 300;

    private final AwsBasicCredentials publisher;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Clock clock;

    PublishSignatureCheck(AwsBasicCredentials publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** @return why the request is refused, or empty when it is signed by the publisher */
    Optional<String> refusal(String method, String path, Map<String, String> headers, byte[] body) {
        String authorization = headers.get("authorization");
        if (authorization == null) {
            return Optional.of("missing Authorization: publishing needs a SigV4 (IAM) signature");
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return Optional.of("not a SigV4 Authorization header");
        }
        if (!m.group(1).equals(publisher.accessKeyId())) {
            return Optional.of("this identity may not publish");
        }
        if (!m.group(4).equals(LiveEventPublisher.SIGNING_NAME)) {
            return Optional.of("signed for service " + m.group(4) + ", not " + LiveEventPublisher.SIGNING_NAME);
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(headers.getOrDefault("x-amz-date", "")));
        } catch (DateTimeParseException e) {
            return Optional.of("missing or unreadable X-Amz-Date");
        }
        if (Math.abs(signedAt.getEpochSecond() - clock.instant().getEpochSecond()) > MAX_SKEW_SECONDS) {
            return Optional.of("signature expired or from the future (X-Amz-Date " + headers.get("x-amz-date") + ")");
        }
        List<String> signedHeaders = Arrays.asList(m.group(5).split(";"));
        if (!signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")) {
            return Optional.of("host and x-amz-date must be signed");
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://" + headers.get("host") + path));
        for (String name : signedHeaders) {
            if (!name.equals("host") && !name.equals("x-amz-date") && headers.containsKey(name)) {
                request.putHeader(name, headers.get(name));
            }
        }
        String expected = signer.sign(r -> r.identity(publisher)
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, m.group(4))
                        .putProperty(AwsV4HttpSigner.REGION_NAME, m.group(3))
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request()
                .firstMatchingHeader("Authorization")
                .orElse("");
        Matcher again = AUTHORIZATION.matcher(expected);
        if (!again.matches() || !again.group(6).equals(m.group(6))) {
            return Optional.of("SignatureDoesNotMatch: the signature is not this request's (signed headers "
                    + m.group(5) + ", expected " + (again.matches() ? again.group(5) : expected) + ")");
        }
        return Optional.empty();
    }
}
