package com.eventphotos.api.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.eventphotos.contract.PhotoView;

/** A page of an event's photos, newest first. */
public record PhotoPage(
        List<PhotoView> items,

        @Schema(description = "Pass as ?nextToken= to get the next page; null on the last page", nullable = true)
        String nextToken) {}
