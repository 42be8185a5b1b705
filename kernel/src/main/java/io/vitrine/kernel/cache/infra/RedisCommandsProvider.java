package io.vitrine.kernel.cache.infra;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.vitrine.kernel.cache.CacheUnavailableException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The commands the Redis adapters use, whether the server is standalone or a Redis Cluster: Lettuce's
 * {@code RedisCommands} and {@code RedisAdvancedClusterCommands} both are {@link RedisClusterCommands}.
 * Keys are UTF-8 strings and values raw bytes, so cached values need no second encoding.
 */
public final class RedisCommandsProvider implements AutoCloseable {

    private final StatefulConnection<String, byte[]> connection;
    private final RedisClusterCommands<String, byte[]> commands;
    private final RedisClusterAsyncCommands<String, byte[]> asyncCommands;

    RedisCommandsProvider(StatefulConnection<String, byte[]> connection, RedisClusterCommands<String, byte[]> commands,
                          RedisClusterAsyncCommands<String, byte[]> asyncCommands) {
        this.connection = connection;
        this.commands = commands;
        this.asyncCommands = asyncCommands;
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

    /**
     * Sends commands without waiting for their answer, failing as {@link #call} does; the answer's wait is bounded by
     * the connection's command timeout, as the synchronous commands' is (Lettuce does not time out asynchronous ones).
     */
    <T> CompletableFuture<T> callAsync(Function<RedisClusterAsyncCommands<String, byte[]>, CompletionStage<T>> work) {
        CompletableFuture<T> sent;
        try {
            sent = work.apply(asyncCommands).toCompletableFuture();
        } catch (RedisException e) {
            return CompletableFuture.failedFuture(unavailable(e));
        }
        long timeoutNanos = connection.getTimeout().toNanos();
        return sent.orTimeout(timeoutNanos, TimeUnit.NANOSECONDS).handle((answer, failure) -> {
            if (failure == null) {
                return answer;
            }
            throw new CompletionException(unavailable(failure instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : failure));
        });
    }

    private CacheUnavailableException unavailable(Throwable cause) {
        String why = cause instanceof TimeoutException ? "no answer within " + connection.getTimeout() : cause.getMessage();
        return new CacheUnavailableException("Redis did not serve the request: " + why, cause);
    }

    @Override
    public void close() {
        connection.close();
    }
}
