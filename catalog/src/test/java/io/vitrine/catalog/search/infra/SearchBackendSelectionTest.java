package io.vitrine.catalog.search.infra;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import io.vitrine.kernel.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vitrine.search.backend} picks the adapter; Lucene is the embedded default. */
class SearchBackendSelectionTest {

    @Test
    void lucene_is_the_default_and_lives_in_the_configured_folder(@TempDir Path dir) {
        Path folder = dir.resolve("search");
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(Map.of(
                "vitrine.search.lucene-dir", folder.toString())))) {
            assertThat(context.getBean(CatalogSearch.class)).isInstanceOf(LuceneCatalogSearch.class);
            assertThat(Files.exists(folder.resolve("current"))).isTrue();
        }
    }

    @Test
    void elasticsearch_is_chosen_by_configuration() {
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(Map.of(
                "vitrine.search.backend", "elasticsearch",
                "elasticsearch.httpHosts", TestServices.elasticsearchUrl())))) {
            assertThat(context.getBean(CatalogSearch.class)).isInstanceOf(ElasticsearchCatalogSearch.class);
        }
    }
}
