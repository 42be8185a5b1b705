package io.vitrine.api.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * An application of one test class's own, in embedded mode, for settings the shared ones must not have
 * (tight limits, a Redis the test kills). It costs a boot: use it only for that, and close it in
 * {@code @AfterAll}.
 */
public final class OwnVitrine {

    private OwnVitrine() {
    }

    /** Embedded mode with the platform admin of {@link PlatformAdmin}, plus these properties. */
    public static RunningVitrine embedded(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(PlatformAdmin.properties());
        all.putAll(properties);
        return RunningVitrine.start("own", all);
    }
}
