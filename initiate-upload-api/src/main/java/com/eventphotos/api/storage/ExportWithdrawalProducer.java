package com.eventphotos.api.storage;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.contract.export.ExportJobs;
import com.eventphotos.contract.export.ExportWithdrawal;

import software.amazon.awssdk.services.s3.S3Client;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Withdrawing exports: the job in the shared store, its archives and plan in the bucket (as the API's role). */
public class ExportWithdrawalProducer {

    @Produces
    @Singleton
    ExportWithdrawal exportWithdrawal(ExportJobs jobs, S3Client s3, UploadApiConfig config) {
        return new ExportWithdrawal(jobs, s3, config.bucket());
    }
}
