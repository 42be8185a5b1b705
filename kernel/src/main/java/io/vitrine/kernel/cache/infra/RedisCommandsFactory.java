package io.vitrine.kernel.cache.infra;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Opens the adapters' own connection on the client micronaut-redis-lettuce configured:
 * {@code redis.uri} gives a standalone {@link RedisClient}, {@code redis.uris} (the seed nodes)
 * a {@link RedisClusterClient}. Our own connection, because the shared one uses a String codec,
 * and with its own command timeout ({@code vitrine.redis.command-timeout}, default 2 s): Lettuce's
 * 60 s default would hold a request thread for a minute when Redis is gone.
 */
@Factory
@Requires(property = "vitrine.cache.backend", value = "redis")
public class RedisCommandsFactory {

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(missingProperty = "redis.uris")
    RedisCommandsProvider standaloneCommands(RedisClient client,
                                             @Value("${vitrine.redis.command-timeout:2s}") Duration timeout) {
        StatefulRedisConnection<String, byte[]> connection = client.connect(CODEC);
        connection.setTimeout(timeout);
        return new RedisCommandsProvider(connection, connection.sync(), connection.async());
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "redis.uris")
    RedisCommandsProvider clusterCommands(RedisClusterClient client,
                                          @Value("${vitrine.redis.command-timeout:2s}") Duration timeout) {
        StatefulRedisClusterConnection<String, byte[]> connection = client.connect(CODEC);
        connection.setTimeout(timeout);
        return new RedisCommandsProvider(connection, connection.sync(), connection.async());
    }
}
