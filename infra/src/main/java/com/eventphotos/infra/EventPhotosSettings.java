package com.eventphotos.infra;

import java.util.List;
import java.util.Objects;

import software.amazon.awscdk.services.lambda.Code;

/**
 * What differs between deployments, read from CDK context by {@link EventPhotosApp}.
 *
 * @param stage            dev, prod, ...: part of resource names
 * @param webOrigins       browser origins allowed to call the API and PUT to the bucket (CORS)
 * @param authDomainPrefix Cognito hosted-UI domain prefix (globally unique)
 * @param apiDomainName    optional custom domain of the API (null for none)
 * @param apiCertificateArn ACM certificate for {@code apiDomainName}, same region
 * @param apiCode          the API's Lambda package ({@code initiate-upload-api/target/function.zip}, lambda profile)
 * @param processorCode    the processor's Lambda package ({@code process-uploaded-photo/target/function.zip})
 * @param exportCode       the export worker's Lambda package ({@code export-photos/target/function.zip})
 * @param libvipsLayer     the processor's Lambda layer: {@code lib/libvips-cpp.so}, at /opt/lib in the function
 *                         ({@code process-uploaded-photo/target/libvips-layer}, fetched by the build)
 * @param alarmEmail       optional address subscribed to the alarm topic (null for none; confirm the mail AWS sends)
 * @param processorConcurrency concurrent executions reserved for (and capping) the processor; null reserves none
 *                         (accounts with a low concurrency quota cannot reserve any)
 * @param apiRoutes        the API's endpoints, from its OpenAPI document: the HTTP API routes exactly these
 * @param uploadDelayAlarmMillis the alarm threshold on the p90 delay from an upload stored to its record written
 */
public record EventPhotosSettings(
        String stage,
        List<String> webOrigins,
        String authDomainPrefix,
        String apiDomainName,
        String apiCertificateArn,
        Code apiCode,
        Code processorCode,
        Code exportCode,
        Code libvipsLayer,
        String alarmEmail,
        Integer processorConcurrency,
        ApiRoutes apiRoutes,
        long uploadDelayAlarmMillis) {

    /** The stage whose buckets and CDN keep access logs (a log bucket costs money; dev stages do without). */
    public static final String PROD = "prod";

    /** Default of {@link #uploadDelayAlarmMillis}: S3 delivers events in seconds, a photo renders in half of one. */
    public static final long DEFAULT_UPLOAD_DELAY_ALARM_MILLIS = 60_000;

    public EventPhotosSettings {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(authDomainPrefix, "authDomainPrefix");
        Objects.requireNonNull(apiCode, "apiCode");
        Objects.requireNonNull(processorCode, "processorCode");
        Objects.requireNonNull(exportCode, "exportCode");
        Objects.requireNonNull(libvipsLayer, "libvipsLayer");
        Objects.requireNonNull(apiRoutes, "apiRoutes");
        if (uploadDelayAlarmMillis < 1) {
            throw new IllegalArgumentException("uploadDelayAlarmMillis must be at least 1");
        }
        webOrigins = List.copyOf(webOrigins);
        if (webOrigins.isEmpty() || webOrigins.contains("*")) {
            throw new IllegalArgumentException(
                    "name the web origins explicitly (context webOrigins); '*' is not allowed");
        }
        if (processorConcurrency != null && processorConcurrency < 1) {
            throw new IllegalArgumentException("processorConcurrency must be at least 1");
        }
        if ((apiDomainName == null) != (apiCertificateArn == null)) {
            throw new IllegalArgumentException("apiDomainName and apiCertificateArn go together");
        }
    }

    /** S3 server access logs and CloudFront standard logs, to a bucket of their own: in the prod stage. */
    public boolean accessLogs() {
        return PROD.equals(stage);
    }
}
