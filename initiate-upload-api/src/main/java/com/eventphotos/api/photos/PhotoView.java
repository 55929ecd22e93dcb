package com.eventphotos.api.photos;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoTable;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One photo as clients see it. {@code rejectionReason} appears only on REJECTED records. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoView(
        String photoId,
        String eventId,
        String status,
        String title,
        String description,
        String contentType,
        String url,
        Long size,
        String uploadedBy,
        String createdAt,
        String rejectionReason) {

    static PhotoView of(PhotoRecord record) {
        return new PhotoView(
                record.photoId().toString(),
                record.eventId(),
                record.status().name(),
                record.title(),
                record.description(),
                record.contentType(),
                record.url(),
                record.size(),
                record.uploadedBy(),
                PhotoTable.formatTime(record.createdAt()),
                record.rejectionReason());
    }
}
