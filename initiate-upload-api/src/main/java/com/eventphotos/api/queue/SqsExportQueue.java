package com.eventphotos.api.queue;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.contract.export.ExportMessage;

import software.amazon.awssdk.services.sqs.SqsClient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@link ExportQueue} on SQS. */
@ApplicationScoped
public class SqsExportQueue implements ExportQueue {

    @Inject
    SqsClient sqs;

    @Inject
    UploadApiConfig config;

    @Override
    public void send(ExportMessage message) {
        sqs.sendMessage(s -> s.queueUrl(config.exportQueueUrl()).messageBody(message.toJson()));
    }
}
