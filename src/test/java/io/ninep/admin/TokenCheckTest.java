package io.ninep.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ninep.admin.TokenCheck.Outcome;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCheckTest {
    private final TokenCheck check = new TokenCheck(Optional.of("secret"));

    @Test
    void matchingBearerTokenIsAllowed() {
        assertEquals(Outcome.ALLOWED, check.check("Bearer secret"));
        assertEquals(Outcome.ALLOWED, check.check("bearer secret"), "the scheme name is case-insensitive");
    }

    @Test
    void wrongMissingOrNonBearerCredentialsAreRejected() {
        assertEquals(Outcome.REJECTED, check.check(null));
        assertEquals(Outcome.REJECTED, check.check(""));
        assertEquals(Outcome.REJECTED, check.check("Bearer "));
        assertEquals(Outcome.REJECTED, check.check("Bearer secreT"));
        assertEquals(Outcome.REJECTED, check.check("Bearer secret2"));
        assertEquals(Outcome.REJECTED, check.check("Bearer secre"));
        assertEquals(Outcome.REJECTED, check.check("Basic c2VjcmV0"));
        assertEquals(Outcome.REJECTED, check.check("secret"));
    }

    @Test
    void withoutAConfiguredTokenNothingIsAllowed() {
        assertEquals(Outcome.NO_TOKEN_CONFIGURED, new TokenCheck(Optional.empty()).check("Bearer secret"));
        assertEquals(Outcome.NO_TOKEN_CONFIGURED, new TokenCheck(Optional.of("")).check("Bearer "));
        assertEquals(Outcome.NO_TOKEN_CONFIGURED, new TokenCheck(Optional.of("  ")).check("Bearer "));
    }
}
