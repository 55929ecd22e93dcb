package com.eventphotos.exports;

import com.eventphotos.contract.export.ExportMessage;

import software.amazon.awssdk.services.sqs.SqsClient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The export queue, as the worker uses it: to continue a job in a fresh invocation. */
@ApplicationScoped
class ExportQueue {

    @Inject
    SqsClient sqs;

    @Inject
    ExportConfig config;

    void send(ExportMessage message) {
        sqs.sendMessage(m -> m.queueUrl(config.exportQueueUrl()).messageBody(message.toJson()));
    }
}
