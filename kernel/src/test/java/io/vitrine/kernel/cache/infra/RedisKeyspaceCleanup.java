package io.vitrine.kernel.cache.infra;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/** Removes what a contract run left behind (counters without TTL, fencing counters), by prefix. */
final class RedisKeyspaceCleanup {

    private RedisKeyspaceCleanup() {
    }

    static void deleteAll(RedisClusterCommands<String, byte[]> redis, String prefix) {
        ScanArgs match = ScanArgs.Builder.matches(prefix + ":*").limit(500);
        KeyScanCursor<String> cursor = redis.scan(match);
        while (true) {
            // one key per DEL: keys of different slots cannot share a command on a cluster
            cursor.getKeys().forEach(redis::del);
            if (cursor.isFinished()) {
                return;
            }
            cursor = redis.scan(cursor, match);
        }
    }
}
