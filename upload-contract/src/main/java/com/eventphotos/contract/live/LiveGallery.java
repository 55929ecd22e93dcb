package com.eventphotos.contract.live;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.eventphotos.contract.PhotoRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The one place that decides what an event's open galleries and walls hear about a photo, called right after
 * every write that can change what viewers see (processor: READY; API: approve, hide, show, delete). Viewers learn
 * of a photo when it becomes visible to them and when it stops being visible; photos waiting for review are never
 * published (owners find them in the review queue). A failed publish never undoes the write: it is logged (the
 * alarm counts those lines) and clients catch up by re-listing when they reconnect.
 */
public final class LiveGallery {

    /** Logged on every publish that failed; the deployment counts these lines. */
    public static final String PUBLISH_FAILED = "live publish failed";

    private static final System.Logger LOG = System.getLogger("com.eventphotos.live");

    private final LiveEventPublisher publisher;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    private LiveGallery(LiveEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public static LiveGallery publishingTo(LiveEventPublisher publisher) {
        return new LiveGallery(publisher, Clock.systemUTC());
    }

    /**
     * The gallery both functions use: publishing to {@code httpEndpoint} as the function's role (default
     * credentials chain), or off where none is configured.
     */
    public static LiveGallery of(Optional<URI> httpEndpoint, String region, Duration timeout) {
        return httpEndpoint
                .map(url -> publishingTo(new LiveEventPublisher(
                        url, region, DefaultCredentialsProvider.builder().build(), timeout)))
                .orElseGet(LiveGallery::off);
    }

    /** Where no live endpoint is configured: galleries then change on reload only. */
    public static LiveGallery off() {
        return new LiveGallery(null, Clock.systemUTC());
    }

    /**
     * After a write that changed what viewers may see of a photo (approve, hide, show, delete): publishes
     * {@code photo.visible} when it became visible, {@code photo.removed} when it stopped being visible, nothing
     * when neither (a repeated hide, a photo still waiting for review).
     *
     * @param after the photo's record after the write; empty once it is deleted
     * @return what was published, if anything
     */
    public Optional<PhotoEvent> changed(String eventId, UUID photoId, boolean wasVisible, Optional<PhotoRecord> after) {
        return publish(eventId, photoId, wasVisible, after, false);
    }

    /**
     * After the processor wrote a photo's record: {@code photo.visible} when it is visible, also when it replaced a
     * visible one (its content changed); {@code photo.removed} when it replaced a visible one and is not.
     */
    public Optional<PhotoEvent> processed(PhotoRecord record, boolean replacedVisible) {
        return publish(record.eventId(), record.photoId(), replacedVisible, Optional.of(record), true);
    }

    private Optional<PhotoEvent> publish(
            String eventId, UUID photoId, boolean wasVisible, Optional<PhotoRecord> after, boolean contentChanged) {
        boolean visible = after.map(PhotoRecord::visibleToMembers).orElse(false);
        Optional<PhotoEvent> event;
        if (visible && (!wasVisible || contentChanged)) {
            event = Optional.of(PhotoEvent.visible(eventId, photoId.toString(), clock.instant()));
        } else if (wasVisible && !visible) {
            event = Optional.of(PhotoEvent.removed(eventId, photoId.toString(), clock.instant()));
        } else {
            event = Optional.empty();
        }
        event.ifPresent(this::publish);
        return event;
    }

    /** After an export of the event finished (the export worker): {@code export.finished}. */
    public ExportEvent exportFinished(String eventId, String exportId, String status) {
        ExportEvent event = ExportEvent.finished(eventId, exportId, status, clock.instant());
        publish(eventId, event, event.type() + " " + exportId);
        return event;
    }

    private void publish(PhotoEvent event) {
        publish(event.eventId(), event, event.type() + " " + event.photoId());
    }

    private void publish(String eventId, Object event, String what) {
        if (publisher == null) {
            return;
        }
        try {
            publisher.publish(LiveChannels.gallery(eventId), List.of(json.writeValueAsString(event)));
        } catch (LivePublishException | JsonProcessingException e) {
            LOG.log(System.Logger.Level.ERROR, PUBLISH_FAILED + ": " + what + " of " + eventId + ": " + e.getMessage());
        }
    }
}
