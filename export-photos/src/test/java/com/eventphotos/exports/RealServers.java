package com.eventphotos.exports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.eventphotos.testsupport.LocalDynamoDbTestResource;
import com.eventphotos.testsupport.LocalS3ServerTestResource;
import com.eventphotos.testsupport.LocalSqsTestResource;

import io.quarkus.test.common.WithTestResource;

/**
 * Put on a {@code @QuarkusTest}: it runs against a real S3 API server that checks SigV4 signatures, DynamoDB Local and
 * a real SQS API server (ElasticMQ). Test classes carrying the same resources share one application start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(LocalS3ServerTestResource.class)
@WithTestResource(LocalDynamoDbTestResource.class)
@WithTestResource(LocalSqsTestResource.class)
@interface RealServers {}
