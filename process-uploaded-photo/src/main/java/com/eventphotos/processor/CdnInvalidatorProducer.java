package com.eventphotos.processor;

import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** A CloudFront client only where a distribution is configured (the deployed stack); none locally. */
public class CdnInvalidatorProducer {

    @Produces
    @ApplicationScoped
    CdnInvalidator cdnInvalidator(ProcessorConfig config) {
        Optional<CloudFrontClient> client = config.cdnDistributionId().map(id -> CloudFrontClient.builder()
                .region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(config.cdnCallAttemptTimeout())
                        .build())
                .overrideConfiguration(o ->
                        o.apiCallAttemptTimeout(config.cdnCallAttemptTimeout()).apiCallTimeout(config.cdnCallTimeout()))
                .build());
        return new CdnInvalidator(client, config.cdnDistributionId());
    }
}
