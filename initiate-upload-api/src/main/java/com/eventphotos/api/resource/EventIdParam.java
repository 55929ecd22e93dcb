package com.eventphotos.api.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.eventphotos.contract.EventId;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/** An event id in a path: the contract's rule ({@link EventId#REGEX}), with the same 400 everywhere. */
@Pattern(regexp = EventId.REGEX, message = "must match " + EventId.REGEX)
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventIdParam {

    String message() default "must match " + EventId.REGEX;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
