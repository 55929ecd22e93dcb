package com.eventphotos.exports;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.eventphotos.contract.deployment.InvocationDeadline;
import com.eventphotos.contract.export.ExportMessage;

import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Lambda entry point, fed by the export queue. Each message is one job to start or continue; a message that fails
 * is reported back (partial batch response) and retried by SQS after its visibility timeout, from the job's
 * checkpoint. On its last attempt the job is marked FAILED, so the organiser learns it, and the message goes to the
 * dead-letter queue.
 */
@Named("export-photos")
public class ExportPhotosHandler implements RequestHandler<SqsEvent, SqsBatchResponse> {

    private static final Logger LOG = Logger.getLogger(ExportPhotosHandler.class);

    @Inject
    ExportWorker worker;

    @Inject
    ExportConfig config;

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        InvocationDeadline deadline =
                InvocationDeadline.ofLambda(context == null ? null : context::getRemainingTimeInMillis);
        List<SqsBatchResponse.ItemFailure> failures = new ArrayList<>();
        for (SqsEvent.Message message : event.records()) {
            ExportMessage export;
            try {
                export = ExportMessage.fromJson(message.body());
            } catch (IllegalArgumentException e) {
                LOG.warnf("message %s is not an export message, dropped: %s", message.messageId(), e.getMessage());
                continue;
            }
            try {
                ExportWorker.Result result = worker.run(export, deadline);
                LOG.debugf("message %s: %s", message.messageId(), result);
            } catch (LeaseLostException e) {
                LOG.warnf("message %s: %s", message.messageId(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(
                        e,
                        "export %s of %s failed (attempt %d of %d)",
                        export.exportId(),
                        export.eventId(),
                        message.receiveCount(),
                        config.export().maxAttempts());
                if (message.receiveCount() >= config.export().maxAttempts() && !(e instanceof LeaseHeldException)) {
                    worker.giveUp(
                            export,
                            "the export could not be built: " + e.getClass().getSimpleName());
                }
                failures.add(new SqsBatchResponse.ItemFailure(message.messageId()));
            }
        }
        return new SqsBatchResponse(failures);
    }
}
