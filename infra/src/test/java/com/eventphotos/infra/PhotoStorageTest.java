package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The photo bucket and the CDN: private, TLS-only, CORS for PUT from the web origins, renditions only through CloudFront. */
class PhotoStorageTest extends SynthesizedStack {

    @Test
    void bucket_shouldBePrivateEncryptedAndTlsOnly_always() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "PublicAccessBlockConfiguration",
                                Map.of(
                                        "BlockPublicAcls",
                                        true,
                                        "BlockPublicPolicy",
                                        true,
                                        "IgnorePublicAcls",
                                        true,
                                        "RestrictPublicBuckets",
                                        true),
                        "BucketEncryption",
                                Map.of(
                                        "ServerSideEncryptionConfiguration",
                                        List.of(Map.of(
                                                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"))))));
        List<Map<String, Object>> statements = CloudFormation.statements(resources, "AWS::S3::BucketPolicy");
        assertTrue(
                statements.stream()
                        .anyMatch(s -> "Deny".equals(s.get("Effect"))
                                && "s3:*".equals(s.get("Action"))
                                && s.toString().contains("aws:SecureTransport=false")),
                "TLS-only deny statement: " + statements);
        assertTrue(
                statements.stream().noneMatch(s -> "Allow".equals(s.get("Effect")) && "*".equals(s.get("Principal"))),
                "no statement allows everyone");
    }

    @Test
    void bucketCors_shouldAllowOnlyPutWithContentTypeOrAPartsChecksum_fromTheWebOrigins() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "CorsConfiguration",
                        Map.of(
                                "CorsRules",
                                List.of(Map.of(
                                        "AllowedMethods", List.of("PUT"),
                                        "AllowedOrigins", List.of(WEB_ORIGIN),
                                        "AllowedHeaders",
                                                List.of("Content-Type", "x-amz-checksum-sha256", "If-None-Match"),
                                        "ExposedHeaders", List.of("ETag"),
                                        "MaxAge", 3000)))));
    }

    @Test
    void bucket_shouldAbortIncompleteMultipartUploads_afterADay() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "LifecycleConfiguration",
                        Map.of(
                                "Rules",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "AbortIncompleteMultipartUpload",
                                        Map.of("DaysAfterInitiation", 1),
                                        "Status",
                                        "Enabled")))))));
    }

    @Test
    void cdn_shouldReadThePrivateBucketThroughOriginAccessControl_overHttpsOnly() {
        template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        template.hasResourceProperties(
                "AWS::CloudFront::Distribution",
                Map.of(
                        "DistributionConfig",
                        Match.objectLike(Map.of(
                                "Origins",
                                        List.of(Match.objectLike(Map.of(
                                                "OriginAccessControlId", Match.anyValue(),
                                                "S3OriginConfig", Map.of("OriginAccessIdentity", "")))),
                                "DefaultCacheBehavior",
                                        Match.objectLike(Map.of(
                                                "ViewerProtocolPolicy",
                                                "https-only",
                                                "AllowedMethods",
                                                List.of("GET", "HEAD")))))));
        List<Map<String, Object>> cdnGrants = CloudFormation.statements(resources, "AWS::S3::BucketPolicy").stream()
                .filter(s -> s.toString().contains("cloudfront.amazonaws.com"))
                .toList();
        assertEquals(1, cdnGrants.size(), "one grant for the CDN: " + cdnGrants);
        Map<String, Object> grant = cdnGrants.get(0);
        assertEquals("Allow", grant.get("Effect"));
        assertEquals("s3:GetObject", grant.get("Action"));
        assertTrue(grant.toString().contains("AWS:SourceArn"), "only this distribution may read: " + grant);
        assertTrue(grant.get("Resource").toString().contains("/photos/*"), grant.toString());
        assertFalse(grant.get("Resource").toString().contains("/uploads"), grant.toString());
        template.resourceCountIs("AWS::CloudFront::CloudFrontOriginAccessIdentity", 0);
    }

    @Test
    void cdn_shouldCachePhotosForAYear_becauseTheyAreImmutable() {
        template.hasResourceProperties(
                "AWS::CloudFront::ResponseHeadersPolicy",
                Map.of(
                        "ResponseHeadersPolicyConfig",
                        Match.objectLike(Map.of(
                                "CustomHeadersConfig",
                                Map.of(
                                        "Items",
                                        List.of(Map.of(
                                                "Header",
                                                "Cache-Control",
                                                "Value",
                                                "public, max-age=31536000, immutable",
                                                "Override",
                                                true)))))));
        template.hasResourceProperties(
                "AWS::CloudFront::CachePolicy",
                Map.of("CachePolicyConfig", Match.objectLike(Map.of("DefaultTTL", 31536000, "MaxTTL", 31536000))));
    }
}
