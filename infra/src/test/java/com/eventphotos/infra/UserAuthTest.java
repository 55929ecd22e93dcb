package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The user pool's web client: authorization code with PKCE, no secret. */
class UserAuthTest extends SynthesizedStack {

    @Test
    void webClient_shouldUseAuthorizationCodeWithoutASecret_always() {
        template.hasResourceProperties(
                "AWS::Cognito::UserPoolClient",
                Map.of(
                        "GenerateSecret", false,
                        "AllowedOAuthFlows", List.of("code"),
                        "CallbackURLs", List.of(WEB_ORIGIN + "/")));
    }
}
