package com.eventphotos.infra;

import java.util.Map;

import software.amazon.awscdk.assertions.Template;

/** The "test" stage's template, synthesized once, for the synth tests of each part of the stack. */
abstract class SynthesizedStack {

    static final String WEB_ORIGIN = TestStacks.WEB_ORIGIN;
    static final String ALARM_EMAIL = TestStacks.ALARM_EMAIL;
    static final int PROCESSOR_CONCURRENCY = TestStacks.PROCESSOR_CONCURRENCY;

    static final Template template = TestStacks.template();
    static final Map<String, Map<String, Object>> resources = CloudFormation.resources(template);
}
