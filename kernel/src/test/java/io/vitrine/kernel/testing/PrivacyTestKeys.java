package io.vitrine.kernel.testing;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixed, test-only personal data keys. The kernel's key ring is a {@code @Context} bean that stops
 * any application context started without keys; tests that start a context add these:
 * {@code ApplicationContext.run(PrivacyTestKeys.with(Map.of(...)))} or as {@code @Property}s.
 */
public final class PrivacyTestKeys {

    private PrivacyTestKeys() {
    }

    public static Map<String, Object> properties() {
        return Map.of(
                "vitrine.privacy.keys.test1", key((byte) 1),
                "vitrine.privacy.current-key", "test1",
                "vitrine.privacy.blind-index-key", key((byte) 2));
    }

    /** {@code extra} plus the test keys. */
    public static Map<String, Object> with(Map<String, Object> extra) {
        Map<String, Object> all = new HashMap<>(extra);
        all.putAll(properties());
        return all;
    }

    static String key(byte filler) {
        byte[] key = new byte[32];
        Arrays.fill(key, filler);
        return Base64.getEncoder().encodeToString(key);
    }
}
