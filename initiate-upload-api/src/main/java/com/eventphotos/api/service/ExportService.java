package com.eventphotos.api.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.ExportNotFoundException;
import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.model.DownloadLink;
import com.eventphotos.api.model.ExportView;
import com.eventphotos.api.queue.ExportQueue;
import com.eventphotos.api.repository.ExportRepository;
import com.eventphotos.api.storage.DownloadUrls;
import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportKeys;
import com.eventphotos.contract.export.ExportMessage;
import com.eventphotos.contract.export.ExportStatus;
import com.eventphotos.contract.export.ExportWithdrawal;
import com.eventphotos.contract.live.LiveGallery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Exports of an event's photos: starting one (at most one runs per event; asking again while it runs returns it),
 * and what became of them, with fresh links to the archives of a READY one; withdrawing those that hold a photo
 * deleted afterwards. The export worker builds them.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    @Inject
    ExportRepository exports;

    @Inject
    ExportQueue queue;

    @Inject
    DownloadUrls downloads;

    @Inject
    UploadApiConfig config;

    @Inject
    LiveGallery gallery;

    /** Starts an export of the event, or returns the one QUEUED or RUNNING. */
    public ExportView start(Membership owner, Instant now) {
        ExportJob job = ExportJob.queued(owner.eventId(), UUID.randomUUID().toString(), owner.userId(), now);
        ExportRepository.Started started = exports.startUnlessActive(job, active -> stillActive(active, now));
        if (started.created()) {
            try {
                queue.send(new ExportMessage(job.eventId(), job.exportId()));
            } catch (RuntimeException e) {
                exports.discard(job); // never a job no worker will ever see
                throw e;
            }
        }
        return view(started.job(), now);
    }

    public ExportView get(String eventId, String exportId, Instant now) {
        return find(eventId, exportId, now)
                .map(job -> view(job, now))
                .orElseThrow(() -> new ExportNotFoundException(eventId, exportId));
    }

    public List<ExportView> list(String eventId, Instant now) {
        return exports.list(eventId, now).stream().map(job -> view(job, now)).toList();
    }

    /**
     * A photo of the event was deleted (its original is gone already): every export whose archives hold it is
     * withdrawn (WITHDRAWN, then its archives deleted from the bucket, so links handed out before stop working), and
     * one still QUEUED or RUNNING is told, so that its worker withdraws it when it ends if it had put the photo in
     * already. Exports that do not hold the photo are left alone. Safe to repeat: it also deletes what a withdrawal
     * that failed halfway left in the bucket.
     *
     * @throws RuntimeException when an export could not be withdrawn (logged; the others are still tried): the delete
     *     then fails, and repeating it finishes the withdrawal
     */
    public void photoDeleted(String eventId, UUID photoId, Instant now) {
        RuntimeException failure = null;
        for (ExportWithdrawal.Stored export : exports.withdrawable(eventId, now)) {
            try {
                follow(export, photoId.toString(), now, true);
            } catch (RuntimeException e) {
                LOG.errorf(
                        e,
                        "export %s of %s could not be withdrawn after photo %s was deleted (repeating the delete"
                                + " retries it)",
                        export.job().exportId(),
                        eventId,
                        photoId);
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void follow(ExportWithdrawal.Stored export, String photoId, Instant now, boolean lookAgain) {
        ExportJob job = export.job();
        switch (job.status()) {
            case QUEUED, RUNNING -> {
                if (!exports.notePhotoDeleted(job, photoId) && lookAgain) {
                    // it finished meanwhile: as what it is now
                    exports.withdrawable(job.eventId(), job.exportId())
                            .ifPresent(current -> follow(current, photoId, now, false));
                }
            }
            case READY -> {
                if (exports.holds(export, photoId)) {
                    withdraw(job, photoId, now);
                }
            }
            case WITHDRAWN -> {
                if (!export.objectsRemoved()) {
                    withdraw(job, photoId, now); // an earlier withdrawal left objects in the bucket
                }
            }
            case FAILED -> {
                // never linked to
            }
        }
    }

    private void withdraw(ExportJob job, String photoId, Instant now) {
        ExportWithdrawal.Outcome outcome = exports.withdraw(job, ExportWithdrawal.PHOTO_DELETED, now);
        LOG.infof("export %s of %s %s: photo %s in it was deleted", job.exportId(), job.eventId(), outcome, photoId);
        if (outcome == ExportWithdrawal.Outcome.WITHDRAWN) {
            // owners' open pages fetch the export again, and show it withdrawn
            gallery.exportFinished(job.eventId(), job.exportId(), ExportStatus.WITHDRAWN.name());
        }
    }

    private java.util.Optional<ExportJob> find(String eventId, String exportId, Instant now) {
        try {
            UUID.fromString(exportId);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty(); // no export has such an id
        }
        return exports.find(eventId, exportId).filter(job -> !expiresAt(job).isBefore(now));
    }

    /** QUEUED or RUNNING, and not so long that its worker must have given up without saying so. */
    private boolean stillActive(ExportJob job, Instant now) {
        return !job.status().finished()
                && job.createdAt().plus(config.export().givenUpAfter()).isAfter(now);
    }

    private ExportView view(ExportJob job, Instant now) {
        List<ExportView.Archive> archives = job.status() == ExportStatus.READY
                ? job.archives().stream()
                        .map(archive -> link(job, archive, now))
                        .toList()
                : List.of();
        return new ExportView(
                job.exportId(),
                job.status(),
                job.createdAt(),
                job.finishedAt(),
                job.photos(),
                job.bytes(),
                job.progress(),
                archives,
                job.error(),
                job.withdrawnAt(),
                job.withdrawnReason());
    }

    /** A link valid for the configured time, and never past the day the bucket deletes the archive. */
    private ExportView.Archive link(ExportJob job, ExportJob.Archive archive, Instant now) {
        Duration left = Duration.between(now, expiresAt(job));
        Duration validFor = left.compareTo(config.export().archiveUrlExpiry()) < 0
                ? left.plusSeconds(1)
                : config.export().archiveUrlExpiry();
        DownloadLink url = downloads.presign(archive.key(), ExportKeys.fileNameOf(archive.key()), validFor);
        return new ExportView.Archive(url.url(), archive.bytes(), archive.photos(), url.expiresAt());
    }

    private Instant expiresAt(ExportJob job) {
        return job.createdAt().plus(config.export().retention());
    }
}
