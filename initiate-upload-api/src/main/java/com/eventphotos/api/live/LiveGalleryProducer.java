package com.eventphotos.api.live;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.contract.live.LiveGallery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

public class LiveGalleryProducer {

    /** Publishing as the API's role (default credentials chain), in the bucket's region, where an endpoint is set. */
    @Produces
    @ApplicationScoped
    LiveGallery liveGallery(UploadApiConfig config) {
        return config.live().gallery();
    }
}
