package io.vitrine.api.storefront;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import io.vitrine.kernel.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static io.vitrine.api.storefront.StorefrontSuite.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB, Redis and the Elasticsearch test node reached through {@link TcpCut}: cutting the network makes the
 * real client fail as when the node goes away, stalling it as when the node hangs.
 */
class ClusterDegradedSearchTest extends DegradedSearchSuite {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterDegradedSearchTest.class);

    private TcpCut network;

    @Override
    RunningVitrine start(Map<String, Object> properties) {
        network = new TcpCut(TestServices.elasticsearchUrl());
        Map<String, Object> all = new HashMap<>(properties);
        all.putAll(PrivacyTestKeys.with(Map.of(
                "vitrine.db.url", TestServices.freshMariaDbDatabase("degraded"),
                "vitrine.db.user", TestServices.mariaDbUser(),
                "vitrine.db.password", TestServices.mariaDbPassword(),
                "redis.uri", TestServices.redisUri(),
                "vitrine.redis.key-prefix", TestServices.redisKeyPrefix() + "-degraded",
                "vitrine.es.urls", network.url(),
                "vitrine.search.elasticsearch.index", ("vt" + TestServices.runId() + "-degraded").toLowerCase(),
                "vitrine.jwt.secret", ClusterVitrine.JWT_SECRET)));
        // the client would wait 10 minutes for a node that hangs: only the storefront's own timeout ends it sooner
        all.put("elasticsearch.request.default.socket-timeout", 600_000);
        try {
            Path dataDir = Files.createTempDirectory("vitrine-degraded-cluster-");
            return RunningVitrine.startOn(dataDir, all, "cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void breakEngine() {
        network.cut();
    }

    @Override
    void repairEngine() {
        network.restore();
    }

    @Override
    int engineCalls() {
        return network.accepted();
    }

    @Override
    void stop() {
        vitrine.close();
        network.close();
    }

    @Test
    void an_engine_that_hangs_counts_as_down_after_the_timeout() {
        network.stall();

        long started = System.nanoTime();
        HttpResponse<String> response = search("q=" + encode("奶粉"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("degraded search (hanging engine): answered from the database after {} ms (timeout 1 s)", millis);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(StorefrontController.DEGRADED)).hasValue("database");
        assertThat(millis).as("the storefront's 1 s timeout, not the client's 10 minutes").isLessThan(120_000);
    }
}
