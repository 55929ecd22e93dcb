package com.eventphotos.exports;

import java.util.List;

/**
 * The partial batch response Lambda's SQS event source reads (with ReportBatchItemFailures): the messages listed are
 * retried, the others deleted.
 */
public record SqsBatchResponse(List<ItemFailure> batchItemFailures) {

    public record ItemFailure(String itemIdentifier) {}
}
