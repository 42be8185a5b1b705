package io.vitrine.api.tenants;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vitrine.api.tenants.TenantsApi.Account;
import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token revocation on MariaDB with the standing in Redis; plus a second instance of the same cluster,
 * which refuses a token the moment the first one disabled its account.
 */
@ExtendWith(ClusterVitrine.class)
class ClusterStaffRevocationTest extends StaffRevocationSuite {

    ClusterStaffRevocationTest(RunningVitrine vitrine) {
        super(vitrine);
    }

    @Test
    void an_account_disabled_through_one_instance_is_refused_by_another_at_once() {
        Account clerk = newRetailerAdmin(merchant);
        try (RunningVitrine other = ClusterVitrine.anotherInstance()) {
            TenantsApi there = new TenantsApi(other);
            there.expect(200, there.get(SIGNED_IN_PROBE, clerk.token()));

            api.expect(200, disable(merchant.admin(), clerk.username()));

            there.expectProblem(401, there.get(SIGNED_IN_PROBE, clerk.token()));
            there.expectProblem(401, there.post("/api/v1/auth/login", null,
                    java.util.Map.of("username", clerk.username(), "password", clerk.password())));
        }
        assertThat(standingInRedis(clerk.username())).startsWith("DISABLED:");
    }

    /** The standing as every instance reads it: the Redis entry itself, past the application's beans. */
    private String standingInRedis(String username) {
        String staffId = Rows.column(vitrine, "SELECT id FROM staff_accounts WHERE username = ?", username).get(0);
        RedisClient client = RedisClient.create(TestServices.redisUri());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            return redis.sync().get(TestServices.redisKeyPrefix() + "-app:_platform:staff-standing:{" + staffId + "}:kv");
        } finally {
            client.shutdown();
        }
    }
}
