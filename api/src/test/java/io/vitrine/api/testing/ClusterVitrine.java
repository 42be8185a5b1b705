package io.vitrine.api.testing;

import io.vitrine.kernel.testing.PrivacyTestKeys;
import io.vitrine.kernel.testing.TestServices;

import java.util.Map;

/**
 * The application in cluster mode against the real services: a fresh MariaDB database of this run, the
 * test Redis, and the Elasticsearch node started by {@code ./vitrine test}. Use with
 * {@code @ExtendWith(ClusterVitrine.class)} and a {@link RunningVitrine} parameter.
 */
public final class ClusterVitrine extends SharedVitrine {

    /** A signing secret for this run only: cluster mode refuses to start without one. */
    public static final String JWT_SECRET = "cluster-test-" + TestServices.runId() + "-0123456789abcdefghijklmnopqrstuvwxyz";

    public ClusterVitrine() {
        super("cluster", ClusterVitrine::start);
    }

    /**
     * Another instance of the same cluster (same database, Redis and secrets), as a load balancer would
     * reach it: for tests of what every instance must see at once. The caller closes it.
     */
    public static RunningVitrine anotherInstance() {
        return start();
    }

    private static RunningVitrine start() {
        return RunningVitrine.start("cluster", PlatformAdmin.with(PrivacyTestKeys.with(Map.of(
                "vitrine.db.url", TestServices.freshMariaDbDatabase("app"),
                "vitrine.db.user", TestServices.mariaDbUser(),
                "vitrine.db.password", TestServices.mariaDbPassword(),
                "redis.uri", TestServices.redisUri(),
                "vitrine.redis.key-prefix", TestServices.redisKeyPrefix() + "-app",
                "vitrine.es.urls", TestServices.elasticsearchUrl(),
                "vitrine.auth.login.address-limit.permits", EmbeddedVitrine.SHARED_SIGN_IN_ADDRESS_PERMITS,
                "vitrine.jwt.secret", JWT_SECRET))), "cluster");
    }

    /** An application of a test class's own in cluster mode: its own database and key prefix, plus properties. */
    static RunningVitrine startWith(Map<String, Object> properties) {
        java.util.Map<String, Object> all = new java.util.HashMap<>(PlatformAdmin.with(PrivacyTestKeys.with(Map.of(
                "vitrine.db.url", TestServices.freshMariaDbDatabase("own"),
                "vitrine.db.user", TestServices.mariaDbUser(),
                "vitrine.db.password", TestServices.mariaDbPassword(),
                "redis.uri", TestServices.redisUri(),
                "vitrine.redis.key-prefix", TestServices.redisKeyPrefix() + "-own-" + java.util.UUID.randomUUID(),
                "vitrine.es.urls", TestServices.elasticsearchUrl(),
                "vitrine.jwt.secret", JWT_SECRET))));
        all.putAll(properties);
        return RunningVitrine.start("cluster-own", all, "cluster");
    }
}
