package io.vitrine.catalog.images;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.products.Catalog;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductForm;
import io.vitrine.catalog.products.Products;
import io.vitrine.catalog.products.SearchDocuments;
import io.vitrine.catalog.testing.CatalogFixtures;
import io.vitrine.catalog.testing.CatalogFixtures.Merchant;
import io.vitrine.catalog.testing.Interleaving;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.SqlProbe;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.registry.TenantDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.function.Supplier;

import static io.vitrine.catalog.testing.CatalogFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Product images uploaded, rendered, served and deleted through the real file storage (database backend). */
abstract class ImagesSuite {

    private static final Actor ADMIN = Actor.staff("staff-7", "image-admin", StaffRole.RETAILER_ADMIN, null);

    private ProductImages images;
    private FileStorage files;
    private SqlProbe probe;
    private CatalogFixtures fixtures;
    private Merchant merchant;
    private String warehouse;

    protected abstract ApplicationContext context();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aMerchant() {
        images = context().getBean(ProductImages.class);
        files = context().getBean(FileStorage.class);
        probe = new SqlProbe(context().getBean(TransactionOperations.class));
        fixtures = new CatalogFixtures(context());
        warehouse = unique("WH");
        merchant = fixtures.merchantInParkWith(warehouse);
    }

    @Test
    void a_png_keeps_its_dimensions_and_gets_a_thumbnail_and_a_medium_rendition_keeping_its_aspect() {
        ProductImage image = upload("shelf.png", "image/png", TestImages.png(1200, 600));

        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.width()).isEqualTo(1200);
        assertThat(image.height()).isEqualTo(600);
        assertThat(image.rendition(ImageSize.THUMB)).extracting(Rendition::width, Rendition::height).containsExactly(320, 160);
        assertThat(image.rendition(ImageSize.MEDIUM)).extracting(Rendition::width, Rendition::height).containsExactly(800, 400);
        assertThat(pixelsOf(image.id(), ImageSize.THUMB)).extracting(BufferedImage::getWidth, BufferedImage::getHeight)
                .containsExactly(320, 160);
        assertThat(pixelsOf(image.id(), ImageSize.MEDIUM)).extracting(BufferedImage::getWidth, BufferedImage::getHeight)
                .containsExactly(800, 400);
        assertThat(pixelsOf(image.id(), null).getWidth()).isEqualTo(1200);
        try (FileContent thumb = as(() -> images.open(image.id(), ImageSize.THUMB))) {
            assertThat(thumb.file().contentType()).isEqualTo("image/png");
            assertThat(thumb.file().category()).isEqualTo("image-rendition");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(as(() -> images.find(image.id()))).contains(image);
    }

    @Test
    void a_jpeg_is_never_enlarged_and_its_renditions_lose_the_uploads_metadata() {
        byte[] upload = TestImages.jpegWithComment(400, 300, "GPS 22.5431N 114.0579E SECRET");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("SECRET");

        ProductImage image = upload("portrait.jpg", "image/jpeg", upload);

        assertThat(image.rendition(ImageSize.THUMB)).extracting(Rendition::width, Rendition::height).containsExactly(320, 240);
        assertThat(image.rendition(ImageSize.MEDIUM)).extracting(Rendition::width, Rendition::height).containsExactly(400, 300);
        for (ImageSize size : ImageSize.values()) {
            byte[] rendered = bytesOf(image.id(), size);
            assertThat(rendered).startsWith(0xFF, 0xD8, 0xFF);
            assertThat(new String(rendered, StandardCharsets.ISO_8859_1)).doesNotContain("SECRET");
        }
    }

    @Test
    void a_tall_image_is_fitted_by_its_height() {
        ProductImage image = upload("tall.jpg", "image/jpeg", TestImages.jpeg(300, 1500));

        assertThat(image.rendition(ImageSize.THUMB)).extracting(Rendition::width, Rendition::height).containsExactly(64, 320);
        assertThat(image.rendition(ImageSize.MEDIUM)).extracting(Rendition::width, Rendition::height).containsExactly(160, 800);
    }

    @Test
    void a_decompression_bomb_is_refused_from_its_header_and_nothing_is_kept() {
        int before = storedFiles();

        // 20000 px a side, and 8000 × 6000 = 48 megapixels with both sides allowed: a few dozen bytes each
        assertRefused(TestImages.pngHeaderOnly(20_000, 20_000), "image/png", "IMAGE_DIMENSIONS");
        assertRefused(TestImages.pngHeaderOnly(8_000, 6_000), "image/png", "IMAGE_DIMENSIONS");

        assertThat(storedFiles()).isEqualTo(before);
        assertThat(probe.count("SELECT COUNT(*) FROM catalog_images WHERE tenant_id = ?", merchant.tenant().value())).isZero();
    }

    @Test
    void what_is_not_an_image_is_refused_whatever_it_claims() {
        int before = storedFiles();

        assertRefused("name,price\nmilk,1\n".getBytes(StandardCharsets.UTF_8), "image/png", "CONTENT_NOT_AS_DECLARED");
        assertRefused(TestImages.png(10, 10), "image/jpeg", "CONTENT_NOT_AS_DECLARED");
        assertRefused(TestImages.pngSignatureThenJunk(), "image/png", "NOT_AN_IMAGE");
        assertRefused("%PDF-1.7 licence".getBytes(StandardCharsets.US_ASCII), "application/pdf", "TYPE_NOT_ALLOWED");
        // WebP passes the file intake, but the JDK cannot decode it and no native codec is added
        assertRefused("RIFF\u0010\u0000\u0000\u0000WEBPVP8 junk".getBytes(StandardCharsets.ISO_8859_1), "image/webp",
                "IMAGE_FORMAT");

        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void another_tenants_image_is_not_found() {
        ProductImage image = upload("mine.png", "image/png", TestImages.png(50, 50));
        Merchant neighbour = fixtures.neighbourOf(merchant);

        TenantContext.runAs(neighbour.tenant(), () -> {
            assertThat(images.find(image.id())).isEmpty();
            assertThatThrownBy(() -> images.open(image.id(), ImageSize.THUMB)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> images.open(image.id(), null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> images.delete(ADMIN, image.id())).isInstanceOf(NotFoundException.class);
        });
        assertThat(as(() -> images.find(image.id()))).isPresent();
    }

    @Test
    void an_image_a_product_shows_cannot_be_deleted_until_the_product_lets_it_go() {
        ProductImage first = upload("front.png", "image/png", TestImages.png(64, 48));
        ProductImage second = upload("back.png", "image/png", TestImages.png(48, 64));
        String sku = unique("IMG");
        fixtures.product(merchant, sku, warehouse);
        fixtures.showImages(merchant, sku, first.id(), second.id());

        assertThatThrownBy(() -> as(() -> {
            images.delete(ADMIN, second.id());
            return null;
        })).isInstanceOf(ConflictException.class).hasMessageContaining(sku);
        assertThat(as(() -> images.find(second.id()))).isPresent();

        fixtures.showImages(merchant, sku, first.id());
        as(() -> {
            images.delete(ADMIN, second.id());
            return null;
        });

        assertThat(as(() -> images.find(second.id()))).isEmpty();
        for (String fileId : new String[]{second.id(), second.thumbFileId(), second.mediumFileId()}) {
            assertThat(files.open(merchant.tenant(), fileId)).isEmpty();
        }
        assertThatThrownBy(() -> as(() -> images.open(second.id(), null))).isInstanceOf(NotFoundException.class);
        assertThat(as(() -> images.find(first.id()))).isPresent();
    }

    @Test
    void a_deletion_racing_a_product_update_that_lists_the_image_is_refused_and_the_image_stays() throws Exception {
        ProductImage image = upload("front.png", "image/png", TestImages.png(64, 48));
        String sku = unique("IMG");
        fixtures.product(merchant, sku, warehouse);
        Products products = context().getBean(Products.class);

        Interleaving.Outcome<Object> deleted = new Interleaving(context()).firstHoldsThenSecond(merchant.tenant(),
                () -> products.update(ADMIN, sku, form(sku, image.id())),
                () -> {
                    images.delete(ADMIN, image.id());
                    return null;
                });

        assertThat(deleted.failure()).isInstanceOf(ConflictException.class).hasMessageContaining(sku);
        assertThat(as(() -> images.find(image.id()))).isPresent();
        assertThat(bytesOf(image.id(), ImageSize.THUMB)).isNotEmpty();
        assertThat(as(() -> context().getBean(Catalog.class).get(sku)).product().images()).containsExactly(image.id());
    }

    @Test
    void a_product_update_racing_the_images_deletion_is_refused_and_lists_nothing_deleted() throws Exception {
        ProductImage image = upload("front.png", "image/png", TestImages.png(64, 48));
        String sku = unique("IMG");
        fixtures.product(merchant, sku, warehouse);
        Products products = context().getBean(Products.class);

        Interleaving.Outcome<Product> updated = new Interleaving(context()).firstHoldsThenSecond(merchant.tenant(),
                () -> images.delete(ADMIN, image.id()),
                () -> products.update(ADMIN, sku, form(sku, image.id())));

        assertThat(updated.failure()).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                .extracting(error -> error.field() + ":" + error.rule()).containsExactly("images[0]:UNKNOWN_IMAGE"));
        assertThat(as(() -> images.find(image.id()))).isEmpty();
        assertThat(as(() -> context().getBean(Catalog.class).get(sku)).product().images()).isEmpty();
    }

    /** The fixture's product as a retailer admin would send it, showing these images. */
    private ProductForm form(String sku, String... imageIds) {
        return new ProductForm(sku, null, "奶粉 " + sku, null, "a2", "母婴/奶粉", "1901101000", "ITEM-1", "601", "122",
                "035", new BigDecimal("0.9"), null, null, new BigDecimal("1.2"), new BigDecimal("0.9"),
                new BigDecimal("0.13"), BigDecimal.ZERO, null, "1210", warehouse, 29900L, List.of(imageIds), null, null);
    }

    @Test
    void the_search_document_carries_the_first_images_thumbnail_url() {
        ProductImage first = upload("front.png", "image/png", TestImages.png(64, 48));
        ProductImage second = upload("back.png", "image/png", TestImages.png(48, 64));
        String sku = unique("IMG");
        fixtures.product(merchant, sku, warehouse);
        String slug = context().getBean(TenantDirectory.class).require(merchant.tenant()).slug();

        assertThat(document(sku).imageUrl()).isNull();
        fixtures.showImages(merchant, sku, second.id(), first.id());
        assertThat(document(sku).imageUrl()).isEqualTo("/s/" + slug + "/images/" + second.id() + "/thumb");
    }

    private io.vitrine.catalog.search.SearchDocument document(String sku) {
        TenantId tenant = merchant.tenant();
        return context().getBean(SearchDocuments.class).of(tenant, as(() -> context().getBean(Catalog.class).get(sku)).product());
    }

    private void assertRefused(byte[] content, String declaredType, String rule) {
        assertThatThrownBy(() -> upload("x", declaredType, content))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("file");
                            assertThat(error.rule()).isEqualTo(rule);
                        }));
    }

    private ProductImage upload(String name, String type, byte[] content) {
        return as(() -> images.upload(ADMIN, name, type, new ByteArrayInputStream(content)));
    }

    private BufferedImage pixelsOf(String imageId, ImageSize size) {
        return TestImages.read(bytesOf(imageId, size));
    }

    private byte[] bytesOf(String imageId, ImageSize size) {
        try (FileContent content = as(() -> images.open(imageId, size))) {
            return content.stream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int storedFiles() {
        return probe.count("SELECT COUNT(*) FROM stored_files WHERE tenant_id = ?", merchant.tenant().value());
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(merchant.tenant(), work::get);
    }
}
