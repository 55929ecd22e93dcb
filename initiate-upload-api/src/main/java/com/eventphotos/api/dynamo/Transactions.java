package com.eventphotos.api.dynamo;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reading why DynamoDB cancelled a TransactWriteItems: one reason per item, in request order. */
public final class Transactions {

    private Transactions() {}

    public static boolean conditionFailed(TransactionCanceledException e, int item) {
        return "ConditionalCheckFailed".equals(code(e, item));
    }

    /** Another transaction touched the same item at the same moment: nothing was written, trying again is safe. */
    public static boolean raced(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }

    public static CancellationReason reason(TransactionCanceledException e, int item) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return item < reasons.size()
                ? reasons.get(item)
                : CancellationReason.builder().build();
    }

    private static String code(TransactionCanceledException e, int item) {
        return reason(e, item).code();
    }
}
