package io.vitrine.catalog.search;

import java.util.Collection;

/**
 * A full reindex in progress: documents go into a new physical index while searches keep being answered
 * from the current one. Changes indexed or deleted through {@link CatalogSearch} meanwhile reach both
 * indexes. {@link #switchToRebuilt()} makes the new index current in one step; {@link #close()} without a
 * switch throws the new index away.
 */
public interface IndexRebuild extends AutoCloseable {

    void indexAll(Collection<SearchDocument> documents);

    void switchToRebuilt();

    @Override
    void close();
}
