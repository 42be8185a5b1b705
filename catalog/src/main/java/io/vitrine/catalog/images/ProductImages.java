package io.vitrine.catalog.images;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileRejectedException;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.files.StoredFile;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The current tenant's product images. An upload is kept as it came (the file storage's {@code image} category
 * checks its size and that its bytes are what it claims), its header is checked against decompression bombs, and
 * the renditions of {@link ImageSize} are made and stored (category {@code image-rendition}); any refusal removes
 * what was stored. An image a product lists cannot be deleted (409).
 * <p>
 * A product write and an image deletion meet on the image's row: the write locks the rows of the images it adds
 * ({@link #hold}) and lists only those still there; the deletion locks the row, then looks for products listing
 * the image. Whichever comes second sees what the first committed — a deletion after the write is refused (409
 * naming the product), a write after the deletion is refused ({@code UNKNOWN_IMAGE}) — so no product ever lists a
 * deleted image.
 */
@Singleton
public class ProductImages {

    static final String ORIGINAL_CATEGORY = "image";
    static final String RENDITION_CATEGORY = "image-rendition";

    private final FileStorage files;
    private final ProductImageRepository images;
    private final CurrentTenant currentTenant;
    private final AuditTrail audit;
    private final Clock clock;

    ProductImages(FileStorage files, ProductImageRepository images, CurrentTenant currentTenant, AuditTrail audit,
                  Clock clock) {
        this.files = files;
        this.images = images;
        this.currentTenant = currentTenant;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param declaredContentType what the client says; must be what the bytes are ({@code image/png}, {@code image/jpeg})
     * @throws InvalidInputException field {@code file}: {@code TYPE_NOT_ALLOWED}, {@code CONTENT_NOT_AS_DECLARED},
     *                               {@code EMPTY}, {@code IMAGE_FORMAT}, {@code NOT_AN_IMAGE}, {@code IMAGE_DIMENSIONS}
     * @throws FileRejectedException {@code TOO_LARGE} (413)
     */
    @Transactional
    public ProductImage upload(Actor by, String filename, String declaredContentType, InputStream content) {
        TenantId tenant = currentTenant.require();
        StoredFile original = storeOriginal(tenant, filename, declaredContentType, content);
        List<String> stored = new ArrayList<>(List.of(original.id()));
        try {
            String format = switch (original.contentType()) {
                case "image/png" -> "png";
                case "image/jpeg" -> "jpeg";
                default -> throw ImageFrames.refused("IMAGE_FORMAT", "images are PNG or JPEG");
            };
            ImageFrames.Decoded decoded = ImageFrames.decode(bytesOf(tenant, original.id()), format,
                    ImageSize.MEDIUM.longSide());
            Rendition thumb = render(tenant, decoded, ImageSize.THUMB, original, format, stored);
            Rendition medium = render(tenant, decoded, ImageSize.MEDIUM, original, format, stored);
            ProductImage image = images.save(new ProductImage(original.id(), tenant.value(), original.contentType(),
                    decoded.width(), decoded.height(), thumb.fileId(), thumb.width(), thumb.height(), medium.fileId(),
                    medium.width(), medium.height(), clock.instant().truncatedTo(ChronoUnit.MICROS), by.id()));
            audit.record(by, tenant, "IMAGE_UPLOADED", "image", image.id(), decoded.width() + "x" + decoded.height());
            return image;
        } catch (RuntimeException e) {
            stored.forEach(id -> files.delete(tenant, id)); // the local folder is not transactional
            throw e;
        }
    }

    public Optional<ProductImage> find(String imageId) {
        return images.findById(imageId);
    }

    /** The original ({@code size} null) or a rendition; another tenant's or an unknown image is 404. */
    public FileContent open(String imageId, @Nullable ImageSize size) {
        TenantId tenant = currentTenant.require();
        ProductImage image = images.findById(imageId).orElseThrow(ProductImages::notFound);
        String fileId = size == null ? image.id() : image.rendition(size).fileId();
        return files.open(tenant, fileId).orElseThrow(ProductImages::notFound);
    }

    /**
     * Locks these images of the current tenant until the caller's transaction ends — in id order, so two writers
     * never wait for each other crosswise — and answers the ids of those that exist. Until then none of them can be
     * deleted ({@link #delete} takes the same lock): a product may list what this answers.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Set<String> hold(Collection<String> imageIds) {
        Set<String> held = new HashSet<>();
        for (String id : new TreeSet<>(imageIds)) {
            images.findByIdForUpdate(id).ifPresent(image -> held.add(image.id()));
        }
        return held;
    }

    /**
     * Deletes the original and its renditions; refused (409) while a product lists the image. The products are read
     * after the image's lock is granted and in read-committed isolation, so a product write that held the image
     * (and committed meanwhile) is seen, whatever the transaction read before.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public void delete(Actor by, String imageId) {
        TenantId tenant = currentTenant.require();
        ProductImage image = images.findByIdForUpdate(imageId).orElseThrow(ProductImages::notFound);
        List<String> skus = images.skusListing(tenant.value(), image.id());
        if (!skus.isEmpty()) {
            throw new ConflictException("The image is shown by the product" + (skus.size() > 1 ? "s " : " ")
                    + String.join(", ", skus) + "; remove it from them first.");
        }
        images.delete(image);
        for (ImageSize size : ImageSize.values()) {
            files.delete(tenant, image.rendition(size).fileId());
        }
        files.delete(tenant, image.id());
        audit.record(by, tenant, "IMAGE_DELETED", "image", image.id(), null);
    }

    private StoredFile storeOriginal(TenantId tenant, String filename, String declaredContentType, InputStream content) {
        try {
            return files.store(tenant, ORIGINAL_CATEGORY, filename, declaredContentType, content);
        } catch (FileRejectedException e) {
            if (e.reason() == FileRejectedException.Reason.TOO_LARGE
                    || e.reason() == FileRejectedException.Reason.UNKNOWN_CATEGORY) {
                throw e;
            }
            throw InvalidInputException.of("file", e.reason().name(), e.getMessage());
        }
    }

    private Rendition render(TenantId tenant, ImageFrames.Decoded decoded, ImageSize size, StoredFile original,
                             String format, List<String> stored) {
        int[] fitted = ImageFrames.fitted(decoded.width(), decoded.height(), size.longSide());
        byte[] encoded = ImageFrames.encode(
                ImageFrames.scaled(decoded.pixels(), fitted[0], fitted[1], "jpeg".equals(format)), format);
        String name = size.urlName() + "-" + original.id() + ("png".equals(format) ? ".png" : ".jpg");
        StoredFile file = files.store(tenant, RENDITION_CATEGORY, name, original.contentType(),
                new ByteArrayInputStream(encoded));
        stored.add(file.id());
        return new Rendition(file.id(), fitted[0], fitted[1]);
    }

    private byte[] bytesOf(TenantId tenant, String fileId) {
        try (FileContent content = files.open(tenant, fileId).orElseThrow(ProductImages::notFound)) {
            return content.stream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such image.");
    }
}
