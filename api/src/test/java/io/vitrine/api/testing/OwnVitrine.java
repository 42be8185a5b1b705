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

    /**
     * Cluster mode (a fresh MariaDB database, the test Redis under a key prefix of its own, the Elasticsearch test
     * node) with these properties: for a cluster run of a test class that needs settings of its own.
     */
    public static RunningVitrine cluster(Map<String, Object> properties) {
        return ClusterVitrine.startWith(properties);
    }
}
