package com.eventphotos.exports;

import com.eventphotos.contract.export.ExportJobs;
import com.eventphotos.contract.export.ExportWithdrawal;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The shared store of export jobs, and the worker's side of withdrawing exports: one whose photo was deleted after
 * the worker had put it in.
 */
class ExportWithdrawalProducer {

    @Produces
    @Singleton
    ExportJobs exportJobs(DynamoDbClient dynamo, ExportConfig config) {
        return new ExportJobs(dynamo, config.exportsTable());
    }

    @Produces
    @Singleton
    ExportWithdrawal exportWithdrawal(ExportJobs jobs, S3Client s3, ExportConfig config) {
        return new ExportWithdrawal(jobs, s3, config.bucket());
    }
}
