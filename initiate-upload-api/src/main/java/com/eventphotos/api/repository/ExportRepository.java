package com.eventphotos.api.repository;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.ConcurrentChangeException;
import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportJobs;
import com.eventphotos.contract.export.ExportTable;
import com.eventphotos.contract.export.ExportWithdrawal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Export jobs in the {@link ExportTable}, through the store the API shares with the worker ({@link ExportJobs}): the
 * API creates them (with the event's {@code #active} item, in one transaction, so an event has at most one export
 * running), reads what the worker has made of them, and withdraws those holding a photo that was deleted ({@link
 * ExportWithdrawal}: the job WITHDRAWN, its objects deleted).
 */
@ApplicationScoped
public class ExportRepository {

    /** The newest exports a listing shows; with one running at a time and 7 days' retention, plenty. */
    static final int MAX_LISTED = 50;

    private static final int ATTEMPTS = 3;

    @Inject
    ExportJobs jobs;

    @Inject
    UploadApiConfig config;

    @Inject
    ExportWithdrawal withdrawal;

    /** What {@link #startUnlessActive} did: stored {@code job} as the event's active export, or found another. */
    public record Started(ExportJob job, boolean created) {}

    /**
     * Stores {@code job} as the event's active export, unless an export the predicate says is still active holds that
     * place: then that one is returned. A finished or lost export's place is taken over (conditionally on it still
     * being that export's, so two owners asking at once start one export).
     */
    public Started startUnlessActive(ExportJob job, Predicate<ExportJob> stillActive) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<String> activeId = jobs.activeExportId(job.eventId());
            Optional<ExportJob> active = activeId.flatMap(id -> find(job.eventId(), id));
            if (active.isPresent() && stillActive.test(active.get())) {
                return new Started(active.get(), false);
            }
            if (jobs.start(job, activeId, config.export().retention())) {
                return new Started(job, true);
            }
            // another request started an export (or finished one) meanwhile: look again
        }
        throw new ConcurrentChangeException("another export of this event was started at the same moment: try again");
    }

    /** Undoes {@link #startUnlessActive} for a job that could not be queued: as if it had never been asked for. */
    public void discard(ExportJob job) {
        jobs.discard(job);
    }

    public Optional<ExportJob> find(String eventId, String exportId) {
        return jobs.find(eventId, exportId);
    }

    /** The event's exports, newest first, at most {@link #MAX_LISTED}; those past retention are left out. */
    public List<ExportJob> list(String eventId, Instant now) {
        long nowSeconds = now.getEpochSecond();
        return jobs.jobItems(eventId, false, 4L * MAX_LISTED).stream()
                .filter(item -> !item.containsKey(ExportTable.TTL)
                        || Long.parseLong(item.get(ExportTable.TTL).n()) > nowSeconds)
                .map(ExportJob::fromItem)
                .sorted(Comparator.comparing(ExportJob::createdAt).reversed())
                .limit(MAX_LISTED)
                .toList();
    }

    /** Every job of the event still within its retention, in any status, with what a withdrawal decides by. */
    public List<ExportWithdrawal.Stored> withdrawable(String eventId, Instant now) {
        return withdrawal.ofEvent(eventId).stream()
                .filter(stored -> stored.job()
                        .createdAt()
                        .plus(config.export().retention())
                        .isAfter(now))
                .toList();
    }

    public Optional<ExportWithdrawal.Stored> withdrawable(String eventId, String exportId) {
        return withdrawal.read(eventId, exportId);
    }

    /** Tells a QUEUED or RUNNING job's worker that the photo was deleted; false when the job is not (any more). */
    public boolean notePhotoDeleted(ExportJob job, String photoId) {
        return withdrawal.notePhotoDeleted(job.eventId(), job.exportId(), photoId);
    }

    /** Whether a built export's archives hold the photo (reads its plan from the bucket). */
    public boolean holds(ExportWithdrawal.Stored export, String photoId) {
        return withdrawal.holds(export, photoId);
    }

    /** WITHDRAWN first, then its archives and plan deleted from the bucket; safe to repeat. */
    public ExportWithdrawal.Outcome withdraw(ExportJob job, String reason, Instant now) {
        return withdrawal.withdraw(job.eventId(), job.exportId(), reason, now);
    }
}
