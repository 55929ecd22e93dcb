package com.eventphotos.infra;

import java.util.List;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;

/**
 * Who the members are: a Cognito user pool with its hosted sign-in pages, and the web client's app client
 * (authorization code with PKCE, no secret). Its issuer and client id are what the API accepts tokens of.
 */
final class UserAuth {

    private final UserPool pool;
    private final UserPoolClient webClient;
    private final String issuer;

    UserAuth(Stack stack, EventPhotosSettings settings) {
        pool = UserPool.Builder.create(stack, "Users")
                .selfSignUpEnabled(true)
                .signInAliases(SignInAliases.builder().email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(12)
                        .requireDigits(true)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireSymbols(true)
                        .build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        pool.addDomain(
                "HostedUi",
                UserPoolDomainOptions.builder()
                        .cognitoDomain(CognitoDomainOptions.builder()
                                .domainPrefix(settings.authDomainPrefix())
                                .build())
                        .build());
        List<String> pages =
                settings.webOrigins().stream().map(origin -> origin + "/").toList();
        webClient = pool.addClient(
                "WebClient",
                UserPoolClientOptions.builder()
                        .generateSecret(false)
                        .authFlows(AuthFlow.builder().userSrp(true).build())
                        .oAuth(OAuthSettings.builder()
                                .flows(OAuthFlows.builder()
                                        .authorizationCodeGrant(true)
                                        .build())
                                .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                                .callbackUrls(pages)
                                .logoutUrls(pages)
                                .build())
                        .preventUserExistenceErrors(true)
                        .accessTokenValidity(Duration.hours(1))
                        .idTokenValidity(Duration.hours(1))
                        .refreshTokenValidity(Duration.days(30))
                        .build());
        issuer = "https://cognito-idp." + stack.getRegion() + ".amazonaws.com/" + pool.getUserPoolId();
    }

    UserPool pool() {
        return pool;
    }

    UserPoolClient webClient() {
        return webClient;
    }

    /** The OIDC issuer of the pool's tokens. */
    String issuer() {
        return issuer;
    }
}
