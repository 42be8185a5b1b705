package io.vitrine.kernel.tenancy;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.cache.KeyValueCache;
import io.vitrine.kernel.cache.infra.RedisCommandsProvider;
import io.vitrine.kernel.cache.infra.RedisKeyValueCache;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.PrivateRedisServer;
import io.vitrine.kernel.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Business key resolutions cached in Redis (cluster mode's cache), and the database when Redis is gone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisCachedBusinessKeysTest {

    private static final String PREFIX = TestServices.redisKeyPrefix() + "-bkeys";

    private ApplicationContext context;
    private String tag;

    @BeforeAll
    void start() throws IOException {
        context = KernelContexts.start(properties(TestServices.redisUri(), PREFIX, "bkeys-redis"));
        tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @AfterAll
    void stop() {
        deleteAll(context.getBean(RedisCommandsProvider.class).commands(), PREFIX);
        context.close();
    }

    @Test
    void a_resolution_is_kept_in_redis_under_the_platform_scope_and_an_unknown_key_is_not() {
        BusinessKeys keys = context.getBean(BusinessKeys.class);
        assertThat(context.getBean(KeyValueCache.class)).isInstanceOf(RedisKeyValueCache.class);
        RedisClusterCommands<String, byte[]> redis = context.getBean(RedisCommandsProvider.class).commands();
        String orderNo = "VT" + tag + "01";
        record(context, TenantId.of("retailer-r1"), orderNo);

        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, orderNo)).contains(TenantId.of("retailer-r1"));
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "VT" + tag + "02")).isEmpty();

        String cached = PREFIX + ":_platform:business-key.order_no:{" + orderNo + "}:kv";
        assertThat(redis.get(cached)).asString(StandardCharsets.UTF_8).isEqualTo("retailer-r1");
        assertThat(redis.pttl(cached)).isBetween(1L, 3_600_000L);
        assertThat(redis.exists(PREFIX + ":_platform:business-key.order_no:{VT" + tag + "02}:kv")).isZero();
        deleteRow(context, orderNo);
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, orderNo)).contains(TenantId.of("retailer-r1"));
    }

    @Test
    void without_redis_keys_are_still_recorded_and_resolved_from_the_database() throws Exception {
        try (PrivateRedisServer server = PrivateRedisServer.start();
             ApplicationContext outage = KernelContexts.start(properties(server.uri(), "outage", "bkeys-outage"))) {
            BusinessKeys keys = outage.getBean(BusinessKeys.class);
            record(outage, TenantId.of("retailer-r2"), "VT" + tag + "03");
            assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "VT" + tag + "03")).contains(TenantId.of("retailer-r2"));

            server.kill();

            record(outage, TenantId.of("retailer-r2"), "VT" + tag + "04");
            assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "VT" + tag + "03")).contains(TenantId.of("retailer-r2"));
            assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "VT" + tag + "04")).contains(TenantId.of("retailer-r2"));
        }
    }

    private static Map<String, Object> properties(String redisUri, String prefix, String database) throws IOException {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "h2-" + database + "-");
        Map<String, Object> properties = new HashMap<>(KernelContexts.databaseProperties(
                TestServices.h2FileUrl(folder, database), "sa", ""));
        properties.put("vitrine.cache.backend", "redis");
        properties.put("redis.uri", redisUri);
        properties.put("vitrine.redis.key-prefix", prefix);
        properties.put("vitrine.redis.command-timeout", "1s");
        return properties;
    }

    @SuppressWarnings("unchecked")
    private static void record(ApplicationContext context, TenantId tenant, String orderNo) {
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            context.getBean(BusinessKeys.class).record(tenant, BusinessKeyKind.ORDER_NO, orderNo);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static void deleteRow(ApplicationContext context, String orderNo) {
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM business_keys WHERE kind = 'ORDER_NO' AND business_key = ?")) {
                delete.setString(1, orderNo);
                return delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void deleteAll(RedisClusterCommands<String, byte[]> redis, String prefix) {
        ScanArgs match = ScanArgs.Builder.matches(prefix + ":*").limit(500);
        KeyScanCursor<String> cursor = redis.scan(match);
        while (true) {
            cursor.getKeys().forEach(redis::del);
            if (cursor.isFinished()) {
                return;
            }
            cursor = redis.scan(cursor, match);
        }
    }
}
