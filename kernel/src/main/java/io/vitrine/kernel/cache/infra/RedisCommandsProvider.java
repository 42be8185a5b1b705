package io.vitrine.kernel.cache.infra;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The commands the Redis adapters use, whether the server is standalone or a Redis Cluster: Lettuce's
 * {@code RedisCommands} and {@code RedisAdvancedClusterCommands} both are {@link RedisClusterCommands}.
 * Keys are UTF-8 strings and values raw bytes, so cached values need no second encoding.
 */
public final class RedisCommandsProvider implements AutoCloseable {

    private final StatefulConnection<String, byte[]> connection;
    private final RedisClusterCommands<String, byte[]> commands;

    RedisCommandsProvider(StatefulConnection<String, byte[]> connection, RedisClusterCommands<String, byte[]> commands) {
        this.connection = connection;
        this.commands = commands;
    }

    public RedisClusterCommands<String, byte[]> commands() {
        return commands;
    }

    @Override
    public void close() {
        connection.close();
    }
}
