package com.eventphotos.api.queue;

import com.eventphotos.contract.export.ExportMessage;

/** The export worker's queue: one message per export to build. */
public interface ExportQueue {

    void send(ExportMessage message);
}
