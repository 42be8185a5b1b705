package io.vitrine.catalog.images;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/**
 * An uploaded product image. Its {@code id} is the stored file id of the original (category {@code image}), which
 * is what products list; the renditions are files of category {@code image-rendition}, never listed by products.
 *
 * @param contentType what the original's bytes are: {@code image/png} or {@code image/jpeg}; renditions keep it
 */
@MappedEntity("catalog_images")
public record ProductImage(@Id String id,
                           @TenantId @Nullable String tenantId,
                           String contentType,
                           int width,
                           int height,
                           String thumbFileId,
                           int thumbWidth,
                           int thumbHeight,
                           String mediumFileId,
                           int mediumWidth,
                           int mediumHeight,
                           @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant createdAt,
                           String createdBy) {

    public Rendition rendition(ImageSize size) {
        return switch (size) {
            case THUMB -> new Rendition(thumbFileId, thumbWidth, thumbHeight);
            case MEDIUM -> new Rendition(mediumFileId, mediumWidth, mediumHeight);
        };
    }
}
