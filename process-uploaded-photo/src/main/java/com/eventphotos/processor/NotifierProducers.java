package com.eventphotos.processor;

import java.time.Duration;
import java.util.Optional;

import com.eventphotos.contract.live.LiveGallery;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The clients of what the processor tells after a record: a CloudFront client only where a distribution is
 * configured (the deployed stack; none locally), the live gallery where an events endpoint is.
 */
public class NotifierProducers {

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

    @Produces
    @ApplicationScoped
    LiveGallery liveGallery(ProcessorConfig config) {
        return config.live().gallery();
    }
}
