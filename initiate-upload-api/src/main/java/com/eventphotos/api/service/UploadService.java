package com.eventphotos.api.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.access.GuestSessionCheck;
import com.eventphotos.api.domain.GuestSession;
import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.api.model.InitiateUploadRequest;
import com.eventphotos.api.model.InitiateUploadResponse;
import com.eventphotos.api.repository.EventRepository;
import com.eventphotos.api.repository.GuestRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Starting uploads, one or a batch: every check of every request first, then the places counted (the event's photo
 * cap; for a guest also their quotas and their link's), all or none, then the URL(s) issued. The one place that
 * reserves places, and gives them back when anything after the reservation fails (S3 unavailable, an upload's record
 * not written), so a failed start never keeps a place.
 */
@ApplicationScoped
public class UploadService {

    /** Photos one batch may start: what a picker of many files sends at once. */
    public static final int MAX_BATCH = 50;

    private static final Logger LOG = Logger.getLogger(UploadService.class);

    @Inject
    UploadUrlIssuer issuer;

    @Inject
    EventRepository events;

    @Inject
    GuestRepository guests;

    @Inject
    GuestSessionCheck guestSessions;

    @Inject
    UploadApiConfig config;

    public InitiateUploadResponse initiate(Membership uploader, InitiateUploadRequest request) {
        UploadUrlIssuer.PlannedUpload plan = plan(uploader, request, "");
        return withPlacesReserved(uploader, 1, bytes(List.of(plan)), () -> issuer.issue(plan));
    }

    /** Up to {@link #MAX_BATCH} photos at once: one check, one count, an answer per photo in the order asked. */
    public List<InitiateUploadResponse> initiateAll(Membership uploader, List<InitiateUploadRequest> requests) {
        List<UploadUrlIssuer.PlannedUpload> plans = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            plans.add(plan(uploader, requests.get(i), "photos[" + i + "]."));
        }
        return withPlacesReserved(uploader, plans.size(), bytes(plans), () -> plans.stream()
                .map(issuer::issue)
                .toList());
    }

    /** As members: counted against the event's cap only. */
    <T> T withPlacesReserved(String eventId, int places, Supplier<T> step) {
        return withPlacesReserved(new Membership(eventId, null, null), places, 0, step);
    }

    /**
     * Counts {@code places} uploads (of {@code bytes} in all) against the event's cap and, for a guest, their quotas
     * (409 when they do not fit), runs {@code step}, and gives the places back if the step fails; the step's
     * exception is rethrown.
     */
    <T> T withPlacesReserved(Membership uploader, int places, long bytes, Supplier<T> step) {
        Runnable release = reserve(uploader, places, bytes);
        try {
            return step.get();
        } catch (RuntimeException failure) {
            try {
                release.run();
            } catch (RuntimeException alsoFailed) {
                // the counts stay that much too high; they only ever err towards refusing, never past a limit
                LOG.warnf(
                        "could not give %d place(s) of event %s back after a failed start: %s",
                        places, uploader.eventId(), alsoFailed.getMessage());
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
    }

    private Runnable reserve(Membership uploader, int places, long bytes) {
        String eventId = uploader.eventId();
        if (!uploader.isGuest()) {
            events.reserveUploads(eventId, places, config.events().maxPhotos());
            return () -> events.releaseUploads(eventId, places);
        }
        GuestSessionCheck.ActiveGuest active = guestSessions.require(uploader.guest());
        guests.reserve(
                active.guest(),
                active.link(),
                places,
                bytes,
                new GuestRepository.Quotas(
                        config.events().maxPhotos(),
                        config.guests().maxFilesPerGuest(),
                        config.guests().maxBytesPerGuest(),
                        config.guests().maxFilesPerLink()));
        return () -> guests.release(active.guest(), active.link(), places, bytes);
    }

    private UploadUrlIssuer.PlannedUpload plan(Membership uploader, InitiateUploadRequest request, String field) {
        GuestSession guest = uploader.guest();
        try {
            if (guest != null && request.contentLength() == null) {
                // a guest's bytes are counted, and their URLs bound to the size
                throw new InvalidRequestException("contentLength", "is required for guests' uploads");
            }
            return issuer.plan(
                    uploader.eventId(),
                    request,
                    uploader.userId(),
                    guest == null ? null : guest.name(),
                    guest != null && guest.reviewRequired());
        } catch (InvalidRequestException e) {
            if (field.isEmpty()) {
                throw e;
            }
            throw new InvalidRequestException(field + e.field(), e.getMessage());
        }
    }

    private static long bytes(List<UploadUrlIssuer.PlannedUpload> plans) {
        return plans.stream()
                .mapToLong(plan -> plan.contentLength() == null ? 0 : plan.contentLength())
                .sum();
    }
}
