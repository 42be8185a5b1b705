package io.vitrine.catalog.search.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.IndexSettings;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.vitrine.catalog.search.infra.ProductFields.*;

/**
 * The physical indexes behind the alias searches use. {@code <alias>-<UTC time>} indexes; the alias
 * {@code <alias>} names the live one, {@code <alias>-rebuild} the one a rebuild is filling. Every field is
 * mapped explicitly ({@code dynamic: strict}) as keyword arrays, longs or stored-only text: the tokens
 * come analysed from {@link CatalogText}, so no analyzer (and no plugin) is needed on the cluster.
 */
final class ElasticsearchIndexes {

    /** marks a deletion written into an index being rebuilt (see {@code ElasticsearchCatalogSearch}) */
    static final String TOMBSTONE = "tombstone";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final String alias;
    private final int shards;
    private final int replicas;
    private final String refreshInterval;
    private final Clock clock;

    ElasticsearchIndexes(ElasticsearchClient client, String alias, int shards, int replicas, String refreshInterval,
                         Clock clock) {
        this.client = client;
        this.alias = alias;
        this.shards = shards;
        this.replicas = replicas;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    String alias() {
        return alias;
    }

    String rebuildAlias() {
        return alias + "-rebuild";
    }

    /**
     * Creates the first physical index with the alias, unless the alias exists (or another instance just made it);
     * an existing index takes the configured refresh interval.
     */
    void ensureLive() throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            client.indices().putSettings(s -> s.index(alias).settings(i -> i.refreshInterval(t -> t.time(refreshInterval))));
            return;
        }
        try {
            create(alias + "-initial", alias, false);
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    boolean rebuilding() throws IOException {
        return client.indices().existsAlias(a -> a.name(rebuildAlias())).value();
    }

    /** A new index for a rebuild: no refreshes and no replicas while it is filled. */
    String createForRebuild() throws IOException {
        String name = alias + "-" + SUFFIX.format(clock.instant());
        create(name, rebuildAlias(), true);
        return name;
    }

    List<String> indicesOf(String aliasName) throws IOException {
        return List.copyOf(client.indices().getAlias(a -> a.name(aliasName)).result().keySet());
    }

    /** The rebuilt index becomes live in one alias update; the old indexes are then removed. */
    void switchTo(String rebuilt) throws IOException {
        client.indices().putSettings(s -> s.index(rebuilt).settings(i -> i
                .refreshInterval(t -> t.time(refreshInterval)).numberOfReplicas(Integer.toString(replicas))));
        client.indices().refresh(r -> r.index(rebuilt));
        List<String> old = indicesOf(alias);
        client.indices().updateAliases(u -> {
            old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias))));
            u.actions(a -> a.add(add -> add.index(rebuilt).alias(alias)));
            u.actions(a -> a.remove(r -> r.index(rebuilt).alias(rebuildAlias())));
            return u;
        });
        for (String o : old) {
            client.indices().delete(d -> d.index(o));
        }
    }

    void delete(String index) throws IOException {
        client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    }

    private void create(String name, String aliasName, boolean forRebuild) throws IOException {
        IndexSettings settings = IndexSettings.of(s -> s
                .numberOfShards(Integer.toString(shards))
                .numberOfReplicas(forRebuild ? "0" : Integer.toString(replicas))
                .refreshInterval(t -> t.time(forRebuild ? "-1" : refreshInterval)));
        client.indices().create(c -> c.index(name).settings(settings).mappings(mapping())
                .aliases(aliasName, a -> a));
    }

    static TypeMapping mapping() {
        Map<String, Property> properties = new LinkedHashMap<>();
        for (String field : KEYWORDS) {
            boolean docValues = COUNTED.contains(field) || field.equals(SKU);
            properties.put(field, Property.of(p -> p.keyword(k -> k.docValues(docValues))));
        }
        properties.put(PRICE, Property.of(p -> p.long_(l -> l)));
        properties.put(CREATED, Property.of(p -> p.long_(l -> l)));
        properties.put(TAX, Property.of(p -> p.long_(l -> l.index(false).docValues(false))));
        for (String field : SHOWN_ONLY) {
            properties.put(field, Property.of(p -> p.keyword(k -> k.index(false).docValues(false))));
        }
        properties.put(TOMBSTONE, Property.of(p -> p.keyword(k -> k.docValues(false))));
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict).properties(properties));
    }
}
