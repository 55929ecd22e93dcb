package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import com.eventphotos.contract.CdnCaching;
import com.eventphotos.contract.MultipartUploads;
import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.deployment.BucketCors;
import com.eventphotos.contract.export.ExportKeys;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeader;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;

/**
 * Where photos live: the private bucket (originals under {@code uploads/}, renditions under {@code photos/}) and the
 * CDN that serves the renditions only. With {@code accessLogs} (the prod stage) the bucket's server access logs and
 * the CDN's standard logs go to a logs bucket of their own.
 */
final class PhotoStorage {

    /** How long access logs are kept (prod). */
    static final Duration ACCESS_LOG_RETENTION = Duration.days(90);

    private final Bucket bucket;
    private final Distribution cdn;
    private final Bucket accessLogs;

    PhotoStorage(Stack stack, EventPhotosSettings settings) {
        accessLogs = settings.accessLogs() ? accessLogBucket(stack) : null;
        bucket = photoBucket(stack, settings, accessLogs);
        cdn = cdn(stack, bucket, accessLogs);
    }

    Bucket bucket() {
        return bucket;
    }

    Distribution cdn() {
        return cdn;
    }

    /** Null unless access logs are on. */
    Bucket accessLogs() {
        return accessLogs;
    }

    private static Bucket accessLogBucket(Stack stack) {
        return Bucket.Builder.create(stack, "AccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                // CloudFront's standard logging writes with ACLs: the bucket must accept them
                .objectOwnership(ObjectOwnership.OBJECT_WRITER)
                .enforceSsl(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-access-logs")
                        .expiration(ACCESS_LOG_RETENTION)
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private static Bucket photoBucket(Stack stack, EventPhotosSettings settings, Bucket accessLogs) {
        Bucket.Builder builder = Bucket.Builder.create(stack, "Photos")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .encryption(BucketEncryption.S3_MANAGED)
                // Keys are unique per upload (UUID) and never rewritten by us: versioning would only keep
                // copies of objects nobody can reach. Deleted photos are gone; PITR covers the records.
                .versioned(false)
                .cors(List.of(CorsRule.builder()
                        .allowedMethods(BucketCors.ALLOWED_METHODS.stream()
                                .map(HttpMethods::valueOf)
                                .toList())
                        .allowedOrigins(settings.webOrigins())
                        .allowedHeaders(BucketCors.ALLOWED_HEADERS)
                        .exposedHeaders(BucketCors.EXPOSED_HEADERS)
                        .maxAge(BucketCors.MAX_AGE_SECONDS)
                        .build()))
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("abort-incomplete-multipart-uploads")
                                // the API refuses to complete an upload older than this (MultipartUploads); an
                                // export's unfinished archive is abandoned by then too
                                .abortIncompleteMultipartUploadAfter(Duration.days(MultipartUploads.ABORTED_AFTER_DAYS))
                                .build(),
                        LifecycleRule.builder()
                                .id("expire-exports")
                                .prefix(ExportKeys.PREFIX)
                                .expiration(Duration.days(java.time.Duration.parse(ExportKeys.RETENTION)
                                        .toDays()))
                                .build()))
                .removalPolicy(RemovalPolicy.RETAIN);
        if (accessLogs != null) {
            builder.serverAccessLogsBucket(accessLogs).serverAccessLogsPrefix("s3/");
        }
        return builder.build();
    }

    private static Distribution cdn(Stack stack, Bucket bucket, Bucket accessLogs) {
        CachePolicy immutable = CachePolicy.Builder.create(stack, "ImmutablePhotoCaching")
                .comment("Photo keys are unique per upload: cache for a year, ignore query strings, headers, cookies")
                .defaultTtl(Duration.seconds(CdnCaching.MAX_AGE_SECONDS))
                .maxTtl(Duration.seconds(CdnCaching.MAX_AGE_SECONDS))
                .minTtl(Duration.days(1))
                .queryStringBehavior(CacheQueryStringBehavior.none())
                .headerBehavior(CacheHeaderBehavior.none())
                .cookieBehavior(CacheCookieBehavior.none())
                .enableAcceptEncodingGzip(true)
                .enableAcceptEncodingBrotli(true)
                .build();
        ResponseHeadersPolicy cacheForAYear = ResponseHeadersPolicy.Builder.create(stack, "ImmutablePhotoHeaders")
                .comment("Cache-Control for immutable photo keys; browsers keep photos for a year")
                .customHeadersBehavior(ResponseCustomHeadersBehavior.builder()
                        .customHeaders(List.of(ResponseCustomHeader.builder()
                                .header("Cache-Control")
                                .value(CdnCaching.CACHE_CONTROL)
                                .override(true)
                                .build()))
                        .build())
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder()
                                .override(true)
                                .build())
                        .build())
                .build();
        // The origin is a reference to the bucket, so CDK does not grant CloudFront the whole bucket; the grant
        // below names only the renditions: originals under uploads/ cannot be fetched through the CDN.
        IBucket renditionsOrigin = Bucket.fromBucketAttributes(
                stack,
                "RenditionsOrigin",
                BucketAttributes.builder()
                        .bucketArn(bucket.getBucketArn())
                        .bucketName(bucket.getBucketName())
                        .bucketRegionalDomainName(bucket.getBucketRegionalDomainName())
                        .build());
        Distribution.Builder builder = Distribution.Builder.create(stack, "Cdn")
                .comment("event-photos: serves photo renditions from the private bucket")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(renditionsOrigin))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                        .cachePolicy(immutable)
                        .responseHeadersPolicy(cacheForAYear)
                        .build())
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100);
        if (accessLogs != null) {
            builder.enableLogging(true).logBucket(accessLogs).logFilePrefix("cdn/");
        }
        Distribution cdn = builder.build();
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CdnReadsRenditionsOnly")
                .principals(List.of(new ServicePrincipal("cloudfront.amazonaws.com")))
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects(Renditions.PREFIX + "*")))
                .conditions(Map.of("StringEquals", Map.of("AWS:SourceArn", cdn.getDistributionArn())))
                .build());
        return cdn;
    }
}
