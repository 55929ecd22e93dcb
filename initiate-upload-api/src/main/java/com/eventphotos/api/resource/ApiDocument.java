package com.eventphotos.api.resource;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import jakarta.ws.rs.core.Application;

/**
 * The security schemes of the OpenAPI document, which infra turns into API Gateway authorizers: {@code bearer} (a
 * Cognito or Keycloak token of this app's clients, configured in application.properties) and {@code guest} (a guest
 * token this API signed; operations that take both list both).
 */
@SecurityScheme(
        securitySchemeName = "guest",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description =
                "A guest token: POST /invites/{code}/guest-sessions with a guest link; its keys: /.well-known/jwks.json")
public class ApiDocument extends Application {}
