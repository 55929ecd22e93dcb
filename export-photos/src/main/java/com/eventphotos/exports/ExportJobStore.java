package com.eventphotos.exports;

import java.util.List;
import java.util.Optional;

import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportJobs;
import com.eventphotos.contract.export.ExportStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The worker's writes to an export job, each conditional on holding the job's lease: claiming it (QUEUED, or RUNNING
 * with a lease that ran out), recording the plan, a checkpoint after each part, a finished archive, the end. The
 * writes themselves are the shared store's ({@link ExportJobs}); here they take the worker's lease and checkpoint, and
 * a write whose condition fails raises {@link LeaseLostException}: another invocation has the job, this one stops.
 */
@ApplicationScoped
class ExportJobStore {

    /** A claimed job: its fields, the plan's key once planned, the checkpoint once an archive was started. */
    record Claimed(ExportJob job, String planKey, Optional<ExportCheckpoint> checkpoint) {}

    @Inject
    ExportJobs jobs;

    @Inject
    ExportConfig config;

    /**
     * Takes the job for {@code owner}.
     *
     * @return empty when there is nothing to do: no such job, or it is finished
     * @throws LeaseHeldException when another invocation holds it (the message is retried later)
     */
    Optional<Claimed> claim(String eventId, String exportId, String owner) {
        try {
            return jobs.claim(eventId, exportId, owner, config.export().lease())
                    .map(claimed -> new Claimed(
                            claimed.job(),
                            claimed.planKey(),
                            claimed.checkpoint().map(ExportCheckpoint::fromAttribute)));
        } catch (ExportJobs.LeaseHeldElsewhere e) {
            throw new LeaseHeldException(eventId, exportId);
        }
    }

    void planned(
            ExportJob job, String owner, String planKey, int photos, long bytes, List<ExportJob.Archive> archives) {
        held(job, jobs.planned(job, owner, config.export().lease(), planKey, photos, bytes, archives));
    }

    /** After each part (and when an archive's upload is created): also renews the lease. */
    void checkpoint(ExportJob job, String owner, ExportCheckpoint checkpoint, long bytesDone) {
        held(job, jobs.checkpoint(job, owner, config.export().lease(), checkpoint.toAttribute(), bytesDone));
    }

    /**
     * Archive {@code index} is complete in S3: recorded, with the planned photos it does not hold ({@code skipped}: a
     * deletion of one of those withdraws nothing), and the next one starts from nothing.
     */
    void archiveDone(
            ExportJob job, String owner, int index, ExportJob.Archive archive, long bytesDone, List<String> skipped) {
        held(job, jobs.archiveDone(job, owner, config.export().lease(), index, archive, bytesDone, skipped));
    }

    /** Lets the next invocation (the continuation message's) take the job at once. */
    void release(ExportJob job, String owner) {
        held(job, jobs.release(job, owner));
    }

    /** READY or FAILED: the lease ends, and the event may start its next export. */
    void finish(ExportJob job, String owner, ExportStatus status, String error) {
        held(job, jobs.finish(job, owner, status, error));
    }

    private static void held(ExportJob job, boolean written) {
        if (!written) {
            throw new LeaseLostException(job.eventId(), job.exportId());
        }
    }
}
