package io.vitrine.api.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Cluster mode refuses to start without the addresses of its shared services, rather than failing on the
 * first request (or, for Redis, silently talking to a default localhost). The database URL and the JWT
 * secret are checked where they are used, at start-up too.
 */
@Context
@Requires(property = "vitrine.mode", value = "cluster")
final class ClusterAddresses {

    ClusterAddresses(Environment environment) {
        List<String> missing = new ArrayList<>();
        if (!environment.containsProperty("redis.uri") && !environment.containsProperty("redis.uris")) {
            missing.add("REDIS_URI (standalone Redis) or REDIS_URIS (Redis Cluster seed nodes, comma-separated)");
        }
        if (!environment.containsProperty("vitrine.es.urls")) {
            missing.add("VITRINE_ES_URLS (Elasticsearch HTTP addresses, comma-separated)");
        }
        if (!environment.containsProperty("vitrine.db.url")) {
            missing.add("VITRINE_DB_URL (jdbc:mysql://host:3306/vitrine)");
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("Cluster mode needs " + String.join("; ", missing)
                    + " — see docs/configuration.md");
        }
    }
}
