package com.eventphotos.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.eventphotos.testsupport.LocalDynamoDbTestResource;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.LocalSqsTestResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Put on a {@code @QuarkusTest}: it runs against a mock OIDC provider that signs real JWTs, a real S3 API
 * server that checks SigV4 signatures, DynamoDB Local, a real SQS API server (ElasticMQ) and a
 * page-token key generated for the run. Test classes carrying the same resources share one
 * application start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(LocalS3ServerTestResource.class)
@WithTestResource(LocalDynamoDbTestResource.class)
@WithTestResource(LocalSqsTestResource.class)
@WithTestResource(GeneratedPageTokenKey.class)
public @interface RealServers {}
