package com.eventphotos.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.eventphotos.contract.deployment.InvocationDeadline;

import jakarta.inject.Named;

/** The Lambda entry point, target of the bucket's s3:ObjectCreated:* notification on uploads/. */
@Named("process-uploaded-photo")
public class ProcessUploadedPhotoHandler implements RequestHandler<S3EventNotification, ProcessingSummary> {

    private final UploadedPhotoProcessor processor;

    ProcessUploadedPhotoHandler(UploadedPhotoProcessor processor) {
        this.processor = processor;
    }

    @Override
    public ProcessingSummary handleRequest(S3EventNotification event, Context context) {
        return processor.process(
                event, InvocationDeadline.ofLambda(context == null ? null : context::getRemainingTimeInMillis));
    }
}
