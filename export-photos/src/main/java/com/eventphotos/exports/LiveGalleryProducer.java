package com.eventphotos.exports;

import com.eventphotos.contract.live.LiveGallery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The live channel finished exports are announced on, where an events endpoint is configured. */
public class LiveGalleryProducer {

    @Produces
    @ApplicationScoped
    LiveGallery liveGallery(ExportConfig config) {
        return config.live().gallery();
    }
}
