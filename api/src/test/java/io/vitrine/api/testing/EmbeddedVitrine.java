package io.vitrine.api.testing;

import java.util.Map;

/**
 * The application in its embedded default: H2 file database, in-process cache, Lucene, local files, all in
 * a temporary data directory. Use with {@code @ExtendWith(EmbeddedVitrine.class)} and a
 * {@link RunningVitrine} parameter.
 */
public final class EmbeddedVitrine extends SharedVitrine {

    /**
     * Every test class sharing this application signs in from the loopback address: the production limit per
     * address (200 per 15 minutes) would refuse the suite's later classes. StaffSignInTest reads the value.
     */
    static final int SHARED_SIGN_IN_ADDRESS_PERMITS = 5000;

    public EmbeddedVitrine() {
        super("embedded", () -> RunningVitrine.start("embedded", PlatformAdmin.with(Map.of(
                "vitrine.auth.login.address-limit.permits", SHARED_SIGN_IN_ADDRESS_PERMITS))));
    }
}
