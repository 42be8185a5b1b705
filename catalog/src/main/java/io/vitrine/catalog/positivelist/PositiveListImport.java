package io.vitrine.catalog.positivelist;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/**
 * One replacement of the whole positive list. Ids are time-ordered, so the newest one is the list's
 * version: instances compare it with the copy they hold in memory.
 */
@MappedEntity("positive_list_imports")
public record PositiveListImport(@Id String id,
                                 int entryCount,
                                 String importedBy,
                                 @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant importedAt) {
}
