package com.eventphotos.processor;

import java.util.List;

/** What one invocation did with each of its records; returned to Lambda and logged. */
public record ProcessingSummary(
        int stored, int alreadyProcessed, int ignored, int rejected, int deleted, List<RecordResult> records) {

    /** @param key the decoded object key */
    public record RecordResult(String key, RecordOutcome outcome, String reason) {}

    public static ProcessingSummary of(List<RecordResult> results) {
        return new ProcessingSummary(
                count(results, RecordOutcome.STORED),
                count(results, RecordOutcome.ALREADY_PROCESSED),
                count(results, RecordOutcome.IGNORED),
                count(results, RecordOutcome.REJECTED),
                count(results, RecordOutcome.DELETED),
                List.copyOf(results));
    }

    private static int count(List<RecordResult> results, RecordOutcome outcome) {
        return (int)
                results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
