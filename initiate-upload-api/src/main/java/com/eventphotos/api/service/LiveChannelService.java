package com.eventphotos.api.service;

import java.net.URI;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.model.LiveChannelView;
import com.eventphotos.contract.live.LiveChannels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class LiveChannelService {

    @Inject
    UploadApiConfig config;

    public LiveChannelView channelOf(String eventId) {
        return new LiveChannelView(
                eventId,
                LiveChannels.gallery(eventId),
                config.live().realtimeUrl().map(URI::toString).orElse(null));
    }
}
