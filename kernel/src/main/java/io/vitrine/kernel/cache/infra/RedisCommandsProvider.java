package io.vitrine.kernel.cache.infra;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.vitrine.kernel.cache.CacheUnavailableException;

import java.util.function.Function;

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

    /** The raw commands, for tests and tools; adapters go through {@link #call}. */
    public RedisClusterCommands<String, byte[]> commands() {
        return commands;
    }

    /** Runs commands, turning Lettuce's failures into the port's {@link CacheUnavailableException}. */
    <T> T call(Function<RedisClusterCommands<String, byte[]>, T> work) {
        try {
            return work.apply(commands);
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis did not serve the request: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
