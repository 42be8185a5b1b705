package io.vitrine.api.config;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.http.HttpHeaders;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.message.BasicHeader;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Gives the Elasticsearch client its credentials: an API key (VITRINE_ES_API_KEY) or basic
 * authentication (VITRINE_ES_USER / VITRINE_ES_PASSWORD). Neither is needed for an open cluster.
 */
@Singleton
@Requires(property = "vitrine.search.backend", value = "elasticsearch")
final class ElasticsearchCredentials implements BeanCreatedEventListener<HttpAsyncClientBuilder> {

    private final String apiKey;
    private final String user;
    private final String password;

    ElasticsearchCredentials(@Nullable @Value("${vitrine.es.api-key:}") String apiKey,
                             @Nullable @Value("${vitrine.es.user:}") String user,
                             @Nullable @Value("${vitrine.es.password:}") String password) {
        this.apiKey = apiKey;
        this.user = user;
        this.password = password;
    }

    /**
     * Credentials go in a header of every request (preemptive, as the low-level client's auth cache did for basic
     * authentication), and the HTTP client's auth cache is turned off: it Java-deserialised the node's auth scheme
     * on every request, whether the cluster needs credentials or not (measured by benchmarks' search suite).
     */
    @Override
    public HttpAsyncClientBuilder onCreated(BeanCreatedEvent<HttpAsyncClientBuilder> event) {
        HttpAsyncClientBuilder builder = event.getBean().disableAuthCaching();
        if (apiKey != null && !apiKey.isBlank()) {
            builder.setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + apiKey)));
        } else if (user != null && !user.isBlank()) {
            String basic = user + ":" + (password == null ? "" : password);
            builder.setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))));
        }
        return builder;
    }
}
