package com.eventphotos.api.service;

import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.model.InitiateUploadRequest;
import com.eventphotos.api.model.InitiateUploadResponse;
import com.eventphotos.api.repository.EventRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Starting uploads: every check of the request first, then the event's photo cap counted, then the URL(s) issued.
 * The one place that reserves places under the cap, and gives them back when anything after the reservation fails
 * (S3 unavailable, the upload's record not written), so a failed start never keeps a place.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class);

    @Inject
    UploadUrlIssuer issuer;

    @Inject
    EventRepository events;

    @Inject
    UploadApiConfig config;

    public InitiateUploadResponse initiate(String eventId, InitiateUploadRequest request, String uploader) {
        UploadUrlIssuer.PlannedUpload plan = issuer.plan(eventId, request, uploader);
        return withPlacesReserved(eventId, 1, () -> issuer.issue(plan));
    }

    /**
     * Counts {@code places} uploads against the event's cap (409 when it is full), runs {@code step}, and gives the
     * places back if the step fails; the step's exception is rethrown.
     */
    <T> T withPlacesReserved(String eventId, int places, Supplier<T> step) {
        events.reserveUploads(eventId, places, config.events().maxPhotos());
        try {
            return step.get();
        } catch (RuntimeException failure) {
            try {
                events.releaseUploads(eventId, places);
            } catch (RuntimeException alsoFailed) {
                // the count stays that much too high; it only ever errs towards refusing, never past the cap
                LOG.warnf(
                        "could not give %d place(s) of event %s back after a failed start: %s",
                        places, eventId, alsoFailed.getMessage());
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
    }
}
