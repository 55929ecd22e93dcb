package com.eventphotos.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One photo as clients see it. {@code url} is the largest rendition; {@code renditions} (ascending width) are
 * what a gallery puts in {@code srcset}; {@code width}/{@code height} are the original's, upright. READY
 * photos only have those; {@code rejectionReason} appears only on REJECTED records; {@code hidden} only on photos an
 * owner hid (and only owners see those); {@code uploaderName} on guests' photos (the name they gave);
 * {@code reviewStatus} PENDING or APPROVED where an owner reviews the photo.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoView(
        String photoId,
        String eventId,
        String status,
        String title,
        String description,
        String contentType,
        String url,
        Integer width,
        Integer height,
        List<RenditionView> renditions,
        Long size,
        String uploadedBy,
        String createdAt,
        String rejectionReason,
        Boolean hidden,
        String uploaderName,
        String reviewStatus) {

    /** One resized, metadata-free rendition of the photo, served by the CDN as JPEG ({@code url}) and WebP. */
    public record RenditionView(String url, int width, int height, long bytes, String webpUrl, long webpBytes) {}

    public static PhotoView of(PhotoRecord record) {
        return new PhotoView(
                record.photoId().toString(),
                record.eventId(),
                record.status().name(),
                record.title(),
                record.description(),
                record.contentType(),
                record.url(),
                record.width(),
                record.height(),
                record.renditions().isEmpty()
                        ? null
                        : record.renditions().stream()
                                .map(r -> new RenditionView(
                                        r.url(), r.width(), r.height(), r.bytes(), r.webpUrl(), r.webpBytes()))
                                .toList(),
                record.size(),
                record.uploadedBy(),
                PhotoTable.formatTime(record.createdAt()),
                record.rejectionReason(),
                record.hidden() ? Boolean.TRUE : null,
                record.uploaderName(),
                record.reviewStatus() == null ? null : record.reviewStatus().name());
    }
}
