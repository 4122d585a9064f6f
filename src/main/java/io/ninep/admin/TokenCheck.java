package io.ninep.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks an {@code Authorization} header against the configured token. Both sides are hashed first so the
 * comparison takes the same time whatever the presented value's length or its first differing byte.
 * Application-scoped so the REST filter, built at static init, reads the runtime token on first use.
 */
@ApplicationScoped
public class TokenCheck {
    enum Outcome { ALLOWED, NO_TOKEN_CONFIGURED, REJECTED }

    private static final String SCHEME = "Bearer ";

    private final Optional<byte[]> expected;

    @Inject
    public TokenCheck(AdminConfig config) {
        this(config.token());
    }

    TokenCheck(Optional<String> token) {
        this.expected = token.map(String::trim).filter(t -> !t.isEmpty()).map(TokenCheck::digest);
    }

    Outcome check(String authorization) {
        if (expected.isEmpty()) {
            return Outcome.NO_TOKEN_CONFIGURED;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Outcome.REJECTED;
        }
        byte[] presented = digest(authorization.substring(SCHEME.length()).trim());
        return MessageDigest.isEqual(expected.get(), presented) ? Outcome.ALLOWED : Outcome.REJECTED;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
