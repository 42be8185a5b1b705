package io.vitrine.catalog.images;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The current tenant's images: generated queries are filtered by it. Implemented in {@code infra}. */
public interface ProductImageRepository extends GenericRepository<ProductImage, String> {

    Optional<ProductImage> findById(String id);

    /** Locks the image while it is being deleted, or while a product write that lists it commits. */
    Optional<ProductImage> findByIdForUpdate(String id);

    ProductImage save(ProductImage image);

    void delete(ProductImage image);

    /**
     * SKUs of the tenant's products listing the image (at most five, for the refusal's message). Products keep
     * their image ids as {@code id1,id2}, so the id is matched between commas. Hand-written: the tenant is bound
     * by the caller.
     */
    @Query("SELECT sku FROM products WHERE tenant_id = :tenantId "
            + "AND CONCAT(',', image_ids, ',') LIKE CONCAT('%,', :imageId, ',%') ORDER BY sku LIMIT 5")
    List<String> skusListing(String tenantId, String imageId);
}
