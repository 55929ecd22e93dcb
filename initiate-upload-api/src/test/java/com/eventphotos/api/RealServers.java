package com.eventphotos.api;

import com.eventphotos.testsupport.LocalDynamoDbTestResource;
import com.eventphotos.testsupport.LocalS3ServerTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The servers every {@code @QuarkusTest} of this module runs against (Quarkus test resources apply to all
 * tests of a module, wherever declared): a mock OIDC provider that signs real JWTs, a real S3 API server
 * that checks SigV4 signatures, and DynamoDB Local.
 */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(LocalS3ServerTestResource.class)
@QuarkusTestResource(LocalDynamoDbTestResource.class)
final class RealServers {

    private RealServers() {}
}
