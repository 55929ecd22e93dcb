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
 * @param libvipsLayer     the processor's Lambda layer: {@code lib/libvips-cpp.so}, at /opt/lib in the function
 *                         ({@code process-uploaded-photo/target/libvips-layer}, fetched by the build)
 * @param alarmEmail       optional address subscribed to the alarm topic (null for none; confirm the mail AWS sends)
 * @param processorConcurrency concurrent executions reserved for (and capping) the processor; null reserves none
 *                         (accounts with a low concurrency quota cannot reserve any)
 */
public record EventPhotosSettings(
        String stage,
        List<String> webOrigins,
        String authDomainPrefix,
        String apiDomainName,
        String apiCertificateArn,
        Code apiCode,
        Code processorCode,
        Code libvipsLayer,
        String alarmEmail,
        Integer processorConcurrency) {

    public EventPhotosSettings {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(authDomainPrefix, "authDomainPrefix");
        Objects.requireNonNull(apiCode, "apiCode");
        Objects.requireNonNull(processorCode, "processorCode");
        Objects.requireNonNull(libvipsLayer, "libvipsLayer");
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
}
