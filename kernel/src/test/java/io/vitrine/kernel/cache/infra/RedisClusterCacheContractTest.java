package io.vitrine.kernel.cache.infra;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.CacheContractTest;
import io.vitrine.kernel.cache.RateLimit;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract on a real 3-node Redis Cluster ({@code redis.uris}; nodes from
 * VITRINE_TEST_REDIS_CLUSTER_NODES, started by tools/services/redis-cluster.sh). The point of this
 * run: the two-key scripts (limiter log + sequence, lock + fencing counter) only work because their
 * keys share a hash tag, and a cluster refuses them otherwise.
 */
class RedisClusterCacheContractTest extends CacheContractTest {

    private static final String PREFIX = TestServices.redisKeyPrefix() + "-cache";

    private RedisClusterCommands<String, byte[]> redis() {
        return context.getBean(RedisCommandsProvider.class).commands();
    }

    @Override
    protected ApplicationContext startContext() {
        List<String> seeds = TestServices.redisClusterNodes().stream().map(node -> "redis://" + node.trim()).toList();
        return run(Map.of(
                "vitrine.cache.backend", "redis",
                "vitrine.redis.key-prefix", PREFIX,
                "redis.uris", seeds));
    }

    @Test
    void the_cluster_has_three_masters_sharing_all_slots() {
        String info = redis().clusterInfo();
        assertThat(info).contains("cluster_state:ok").contains("cluster_size:3");
        assertThat(redis().clusterNodes().lines().filter(line -> line.contains("master"))).hasSize(3);
    }

    @Test
    void a_script_over_keys_of_two_slots_is_refused_by_the_cluster() {
        RedisKeys keys = context.getBean(RedisKeys.class);
        String[] twoSlots = {keys.of(fresh("slots"), "rl"), keys.of(fresh("slots"), "rl")};
        assertThat(redis().clusterKeyslot(twoSlots[0])).isNotEqualTo(redis().clusterKeyslot(twoSlots[1]));

        assertThatThrownBy(() -> redis().eval("return redis.call('EXISTS', KEYS[1], KEYS[2])", ScriptOutputType.INTEGER, twoSlots))
                .isInstanceOf(RedisCommandExecutionException.class)
                .hasMessageContaining("CROSSSLOT");
    }

    @Test
    void the_keys_of_one_operation_share_a_slot_while_one_tenants_keys_spread_over_the_nodes() {
        RedisKeys keys = context.getBean(RedisKeys.class);
        ScopedKey key = fresh("slots");
        assertThat(redis().clusterKeyslot(keys.of(key, "rl", "seq"))).isEqualTo(redis().clusterKeyslot(keys.of(key, "rl")));
        assertThat(redis().clusterKeyslot(keys.of(key, "lock", "fence"))).isEqualTo(redis().clusterKeyslot(keys.of(key, "lock")));

        // many keys of one tenant land on every master: no tenant-wide hot slot
        Set<String> nodes = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            ScopedKey another = fresh("slots");
            assertThat(limiter.tryAcquire(another, RateLimit.of(1, Duration.ofMinutes(1))).allowed()).isTrue();
            int slot = redis().clusterKeyslot(keys.of(another, "rl")).intValue();
            nodes.add(masterServing(slot));
        }
        assertThat(nodes).hasSize(3);
    }

    private String masterServing(int slot) {
        return redis().clusterNodes().lines()
                .filter(line -> line.contains("master"))
                .filter(line -> servesSlot(line, slot))
                .map(line -> line.split(" ")[1])
                .findFirst().orElseThrow(() -> new AssertionError("no master serves slot " + slot));
    }

    private static boolean servesSlot(String nodeLine, int slot) {
        String[] fields = nodeLine.split(" ");
        for (int i = 8; i < fields.length; i++) {
            String[] range = fields[i].split("-");
            if (range[0].startsWith("[")) {
                continue;
            }
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            if (slot >= from && slot <= to) {
                return true;
            }
        }
        return false;
    }

    @AfterAll
    void removeThisRunsKeys() {
        RedisKeyspaceCleanup.deleteAll(redis(), PREFIX);
    }
}
