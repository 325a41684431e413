package io.sitework.launcher;

/**
 * Where {@link DemoSeeder} gets a demo user's bearer token: the gateway's dev login in the embedded
 * default ({@link DevLoginTokens}), an OIDC provider's password grant under docker-compose
 * ({@link PasswordGrantTokens}). The seeder itself does not care which one signed the token.
 */
interface TokenSource {

    /** The value of an {@code Authorization} header for {@code subject}, e.g. {@code "Bearer eyJ..."}. */
    String authorization(String subject);
}
