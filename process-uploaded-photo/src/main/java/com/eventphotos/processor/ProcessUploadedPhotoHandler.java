package com.eventphotos.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import jakarta.inject.Named;

/** The Lambda entry point, target of the bucket's s3:ObjectCreated:* notification on uploads/. */
@Named("process-uploaded-photo")
public class ProcessUploadedPhotoHandler implements RequestHandler<S3EventNotification, ProcessingSummary> {

    private static final int MAX_LAMBDA_TIMEOUT_MILLIS = 15 * 60 * 1000;

    private final UploadedPhotoProcessor processor;

    ProcessUploadedPhotoHandler(UploadedPhotoProcessor processor) {
        this.processor = processor;
    }

    @Override
    public ProcessingSummary handleRequest(S3EventNotification event, Context context) {
        return hasDeadline(context)
                ? processor.process(event, context::getRemainingTimeInMillis)
                : processor.process(event);
    }

    /**
     * Lambda and the local stack's runtime API send the invocation's deadline; Quarkus' mock event server (tests) sends
     * none, and the context then reports an arbitrary number: only a time within Lambda's longest timeout is one.
     */
    private static boolean hasDeadline(Context context) {
        if (context == null) {
            return false;
        }
        int remaining = context.getRemainingTimeInMillis();
        return remaining > 0 && remaining <= MAX_LAMBDA_TIMEOUT_MILLIS;
    }
}
