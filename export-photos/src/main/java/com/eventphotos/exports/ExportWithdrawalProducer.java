package com.eventphotos.exports;

import com.eventphotos.contract.export.ExportWithdrawal;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The worker's side of withdrawing exports: one whose photo was deleted after the worker had put it in. */
class ExportWithdrawalProducer {

    @Produces
    @Singleton
    ExportWithdrawal exportWithdrawal(DynamoDbClient dynamo, S3Client s3, ExportConfig config) {
        return new ExportWithdrawal(dynamo, s3, config.exportsTable(), config.bucket());
    }
}
