package com.eventphotos.processor;

import java.nio.file.Path;

import org.jboss.logging.Logger;

import com.eventphotos.processor.image.Vips;

import io.quarkus.runtime.Startup;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Loads libvips while the function initialises (so SnapStart's snapshot holds it), not on the first event. */
public class VipsProducer {

    private static final Logger LOG = Logger.getLogger(VipsProducer.class);

    @Produces
    @Singleton
    @Startup
    Vips vips(ProcessorConfig config) {
        Vips vips = Vips.load(Path.of(config.libvipsPath()), config.imageThreads());
        LOG.infof("libvips %s loaded from %s", vips.version(), config.libvipsPath());
        return vips;
    }
}
