package com.eventphotos.api.service;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.contract.export.ExportMessage;

import software.amazon.awssdk.services.sqs.SqsClient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The export worker's queue: one message per export to build. */
@ApplicationScoped
public class ExportQueue {

    @Inject
    SqsClient sqs;

    @Inject
    UploadApiConfig config;

    public void send(ExportMessage message) {
        sqs.sendMessage(s -> s.queueUrl(config.exportQueueUrl()).messageBody(message.toJson()));
    }
}
