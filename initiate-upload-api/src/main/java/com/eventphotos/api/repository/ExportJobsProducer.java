package com.eventphotos.api.repository;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.contract.export.ExportJobs;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The store of export jobs the API shares with the export worker, on the API's exports table. */
public class ExportJobsProducer {

    @Produces
    @Singleton
    ExportJobs exportJobs(DynamoDbClient dynamo, UploadApiConfig config) {
        return new ExportJobs(dynamo, config.exportsTable());
    }
}
