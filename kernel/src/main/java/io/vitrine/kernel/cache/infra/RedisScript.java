package io.vitrine.kernel.cache.infra;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Lua script run atomically on the node that owns its keys. Sent by digest (EVALSHA), and in full
 * only when that node does not know it yet (a fresh or failed-over node answers NOSCRIPT). All the
 * keys of one call must share a hash tag, or a Redis Cluster refuses the call (CROSSSLOT).
 */
final class RedisScript {

    private final String source;
    private final String sha1;

    RedisScript(String source) {
        this.source = source;
        this.sha1 = sha1(source);
    }

    <T> T run(RedisCommandsProvider redis, ScriptOutputType type, String[] keys, byte[]... args) {
        return redis.call(commands -> {
            try {
                return commands.<T>evalsha(sha1, type, keys, args);
            } catch (RedisNoScriptException notLoadedOnThisNode) {
                return commands.<T>eval(source, type, keys, args);
            }
        });
    }

    /** {@link #run} without waiting for the answer. */
    <T> CompletableFuture<T> runAsync(RedisCommandsProvider redis, ScriptOutputType type, String[] keys, byte[]... args) {
        return redis.callAsync(commands -> commands.<T>evalsha(sha1, type, keys, args).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            return cause instanceof RedisNoScriptException
                    ? commands.<T>eval(source, type, keys, args) // not loaded on this node yet
                    : CompletableFuture.failedFuture(cause);
        }));
    }

    static byte[] arg(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] arg(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
