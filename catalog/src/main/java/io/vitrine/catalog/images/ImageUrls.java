package io.vitrine.catalog.images;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import jakarta.inject.Singleton;

/**
 * Where shoppers fetch an image: {@code /s/{shop}/images/{imageId}} (the original) and
 * {@code /s/{shop}/images/{imageId}/{thumb|medium}} — paths on the application's own host, like every link the
 * storefront gives. Any image the shop uploaded is public by its id (a UUIDv7 with 74 random bits: not guessable).
 */
@Singleton
public class ImageUrls {

    private final TenantDirectory directory;

    ImageUrls(TenantDirectory directory) {
        this.directory = directory;
    }

    public static String original(String shopSlug, String imageId) {
        return "/s/" + shopSlug + "/images/" + imageId;
    }

    public static String of(String shopSlug, String imageId, ImageSize size) {
        return original(shopSlug, imageId) + "/" + size.urlName();
    }

    /** The shop's slug, for building URLs outside a storefront request (search documents). */
    @Nullable
    public String slugOf(TenantId tenant) {
        return directory.find(tenant).map(Tenant::slug).orElse(null);
    }

    /** The thumbnail of a product's first image, or null when it has none: what search results show. */
    @Nullable
    public String firstThumbnail(@Nullable String shopSlug, java.util.List<String> imageIds) {
        return shopSlug == null || imageIds.isEmpty() ? null : of(shopSlug, imageIds.get(0), ImageSize.THUMB);
    }
}
