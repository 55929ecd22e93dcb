package com.eventphotos.exports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.eventphotos.contract.deployment.InvocationDeadline;
import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportKeys;
import com.eventphotos.contract.export.ExportMessage;
import com.eventphotos.contract.export.ExportStatus;
import com.eventphotos.contract.export.ExportWithdrawal;
import com.eventphotos.contract.live.LiveGallery;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs one export job as far as one invocation can: claims it, plans it (once), builds its archives in order from
 * the checkpoint, and either finishes it (READY) or, when the invocation's time runs low, releases it and queues the
 * message that continues it. A worker that dies anywhere leaves a checkpoint at most one part old; the next
 * invocation resumes from it once the lease has run out.
 */
@ApplicationScoped
class ExportWorker {

    /** What an invocation did with a message. */
    enum Result {
        /** The job is READY, or WITHDRAWN (now, or already was: a repeated message). */
        FINISHED,
        /** Paused at a part boundary; a continuation message is queued. */
        CONTINUED,
        /** No such job (an expired one, a forged message): nothing to do. */
        NOTHING_TO_DO
    }

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);

    @Inject
    ExportJobStore jobs;

    @Inject
    ExportPlanner planner;

    @Inject
    ArchiveBuilder builder;

    @Inject
    ExportQueue queue;

    @Inject
    S3Client s3;

    @Inject
    ExportConfig config;

    @Inject
    LiveGallery gallery;

    @Inject
    ExportWithdrawal withdrawal;

    Result run(ExportMessage message, InvocationDeadline deadline) {
        String owner = UUID.randomUUID().toString();
        Optional<ExportJobStore.Claimed> claimed = jobs.claim(message.eventId(), message.exportId(), owner);
        if (claimed.isEmpty()) {
            finishWithdrawal(message);
            return Result.NOTHING_TO_DO;
        }
        ExportJob job = claimed.get().job();
        ArchivePlan plan = claimed.get().planKey() == null
                ? plan(job, owner)
                : ArchivePlan.fromJson(s3.getObjectAsBytes(
                                g -> g.bucket(config.bucket()).key(claimed.get().planKey()))
                        .asByteArray());
        List<ExportJob.Archive> archives =
                new ArrayList<>(claimed.get().planKey() == null ? archives(job, plan) : job.archives());
        long bytesDone = 0;
        for (int i = 0; i < archives.size(); i++) {
            if (archives.get(i).done()) {
                bytesDone += plan.archives().get(i).originalBytes();
                continue;
            }
            final long before = bytesDone;
            final int index = i;
            ExportCheckpoint checkpoint =
                    claimed.get().checkpoint().filter(c -> c.archive() == index).orElse(ExportCheckpoint.start(i));
            ArchivePlan.Archive archive = plan.archives().get(i);
            ArchiveBuilder.Outcome outcome = builder.build(
                    archive,
                    archives.get(i).key(),
                    checkpoint,
                    saved -> jobs.checkpoint(job, owner, saved, before + doneBytes(saved)),
                    deadline);
            if (outcome instanceof ArchiveBuilder.Outcome.Paused) {
                jobs.release(job, owner);
                queue.send(message);
                LOG.infof(
                        "export %s of %s paused in archive %d; continues in the next invocation",
                        job.exportId(), job.eventId(), i + 1);
                return Result.CONTINUED;
            }
            ArchiveBuilder.Outcome.Complete complete = (ArchiveBuilder.Outcome.Complete) outcome;
            bytesDone += archive.originalBytes();
            ExportJob.Archive finished =
                    new ExportJob.Archive(archives.get(i).key(), complete.bytes(), complete.photos(), true);
            archives.set(i, finished);
            jobs.archiveDone(job, owner, i, finished, bytesDone, complete.skippedPhotos());
        }
        jobs.finish(job, owner, ExportStatus.READY, null);
        if (withdrawnForADeletedPhoto(job, plan)) {
            gallery.exportFinished(job.eventId(), job.exportId(), ExportStatus.WITHDRAWN.name());
            return Result.FINISHED;
        }
        gallery.exportFinished(job.eventId(), job.exportId(), ExportStatus.READY.name());
        LOG.infof(
                "export %s of %s READY: %d archives, %d photos, %d bytes of originals",
                job.exportId(), job.eventId(), archives.size(), plan.photos(), plan.bytes());
        return Result.FINISHED;
    }

    /**
     * A photo deleted while the export was QUEUED or RUNNING is noted on the job by the API; one the worker had put in
     * before its original was deleted is in the archives, and the export is withdrawn at once. Read after the job is
     * READY: a deletion noted before is seen here, one after finds the job READY and the API withdraws it itself.
     */
    private boolean withdrawnForADeletedPhoto(ExportJob job, ArchivePlan plan) {
        Optional<ExportWithdrawal.Stored> stored = withdrawal.read(job.eventId(), job.exportId());
        if (stored.isEmpty() || stored.get().deletedPhotos().isEmpty()) {
            return false;
        }
        Set<String> held = new HashSet<>();
        plan.archives().forEach(a -> a.entries().forEach(e -> held.add(e.photoId())));
        held.removeAll(stored.get().skippedPhotos());
        held.retainAll(stored.get().deletedPhotos());
        if (held.isEmpty()) {
            return false; // deleted before the worker came to them: left out
        }
        ExportWithdrawal.Outcome outcome =
                withdrawal.withdraw(job.eventId(), job.exportId(), ExportWithdrawal.PHOTO_DELETED, Instant.now());
        LOG.infof(
                "export %s of %s %s: %d photo(s) in its archives were deleted while it was built",
                job.exportId(), job.eventId(), outcome, held.size());
        return outcome != ExportWithdrawal.Outcome.NOT_READY;
    }

    /**
     * The message again, for a finished job: an earlier invocation may have failed to withdraw it (the READY job holds a
     * photo deleted while it was built) or to delete all its objects (WITHDRAWN): that is done now.
     */
    private void finishWithdrawal(ExportMessage message) {
        Optional<ExportWithdrawal.Stored> stored = withdrawal.read(message.eventId(), message.exportId());
        if (stored.isEmpty()) {
            return;
        }
        boolean unfinished =
                switch (stored.get().job().status()) {
                    case WITHDRAWN -> !stored.get().objectsRemoved();
                    case READY ->
                        stored.get().deletedPhotos().stream().anyMatch(p -> withdrawal.holds(stored.get(), p));
                    default -> false;
                };
        if (unfinished
                && withdrawal.withdraw(
                                message.eventId(), message.exportId(), ExportWithdrawal.PHOTO_DELETED, Instant.now())
                        == ExportWithdrawal.Outcome.WITHDRAWN) {
            gallery.exportFinished(message.eventId(), message.exportId(), ExportStatus.WITHDRAWN.name());
        }
    }

    /** Gives up on a job that failed every attempt (the message then goes to the dead-letter queue). */
    void giveUp(ExportMessage message, String reason) {
        String owner = UUID.randomUUID().toString();
        try {
            jobs.claim(message.eventId(), message.exportId(), owner).ifPresent(claimed -> {
                jobs.finish(claimed.job(), owner, ExportStatus.FAILED, reason);
                gallery.exportFinished(message.eventId(), message.exportId(), ExportStatus.FAILED.name());
            });
        } catch (LeaseHeldException e) {
            LOG.warnf(
                    "export %s of %s could not be marked FAILED: %s",
                    message.exportId(), message.eventId(), e.getMessage());
        }
    }

    private ArchivePlan plan(ExportJob job, String owner) {
        ArchivePlan plan = planner.plan(job.eventId());
        String planKey = ExportKeys.plan(job.eventId(), job.exportId());
        s3.putObject(
                p -> p.bucket(config.bucket()).key(planKey).contentType("application/json"),
                RequestBody.fromBytes(plan.toJson()));
        jobs.planned(job, owner, planKey, plan.photos(), plan.bytes(), archives(job, plan));
        return plan;
    }

    private static List<ExportJob.Archive> archives(ExportJob job, ArchivePlan plan) {
        List<ExportJob.Archive> archives = new ArrayList<>();
        int count = plan.archives().size();
        for (int i = 0; i < count; i++) {
            archives.add(new ExportJob.Archive(
                    ExportKeys.archive(job.eventId(), job.exportId(), i + 1, count),
                    0,
                    plan.archives().get(i).entries().size(),
                    false));
        }
        return archives;
    }

    private static long doneBytes(ExportCheckpoint checkpoint) {
        return checkpoint.entries().stream()
                .mapToLong(ExportCheckpoint.DoneEntry::size)
                .sum();
    }
}
