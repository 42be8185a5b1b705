package io.vitrine.api.catalog;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.catalog.images.ImageSize;
import io.vitrine.catalog.images.ImageUrls;
import io.vitrine.catalog.images.ProductImage;
import io.vitrine.catalog.images.ProductImages;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.CurrentTenant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Product images: a retailer admin uploads a PNG or JPEG (multipart part {@code file}) and gets its id, which
 * products list in {@code images[]}, with the public URLs of the original and its renditions. Refusals are 400
 * on field {@code file} (what it is not, or {@code IMAGE_DIMENSIONS} for more than 10,000 px a side or 40
 * megapixels), 413 above the size limit; deleting an image a product lists is 409.
 */
@Controller("/api/v1/images")
@ExecuteOn(TaskExecutors.BLOCKING)
class ImagesController {

    private final ProductImages images;
    private final ImageUrls urls;
    private final CurrentTenant currentTenant;

    ImagesController(ProductImages images, ImageUrls urls, CurrentTenant currentTenant) {
        this.images = images;
        this.urls = urls;
        this.currentTenant = currentTenant;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Idempotent
    @Status(HttpStatus.CREATED)
    @Secured("RETAILER_ADMIN")
    ImageView upload(@Part("file") CompletedFileUpload file, Authentication caller) {
        String contentType = file.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_OCTET_STREAM);
        try (InputStream content = file.getInputStream()) {
            return view(images.upload(StaffClaims.actorOf(caller), file.getFilename(), contentType, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/{imageId}")
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    ImageView get(@PathVariable String imageId) {
        return view(images.find(imageId).orElseThrow(() -> new NotFoundException("No such image.")));
    }

    @Delete("/{imageId}")
    @Status(HttpStatus.NO_CONTENT)
    @Secured("RETAILER_ADMIN")
    void delete(@PathVariable String imageId, Authentication caller) {
        images.delete(StaffClaims.actorOf(caller), imageId);
    }

    private ImageView view(ProductImage image) {
        String shop = urls.slugOf(currentTenant.require());
        return new ImageView(image.id(), ImageUrls.original(shop, image.id()),
                ImageUrls.of(shop, image.id(), ImageSize.THUMB), ImageUrls.of(shop, image.id(), ImageSize.MEDIUM),
                image.width(), image.height(), image.contentType());
    }

    /** {@code url}: the original as uploaded; {@code thumbnailUrl} 320 px and {@code mediumUrl} 800 px on the long side. */
    @Serdeable
    record ImageView(String imageId, String url, String thumbnailUrl, String mediumUrl, int width, int height,
                     String contentType) {
    }
}
