package io.vitrine.api.storefront;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.catalog.images.ImageSize;
import io.vitrine.catalog.images.ProductImages;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.files.FileContent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A shop's product images, anonymous, in the tenant of the {@code /s/{tenant}} path: any image the shop uploaded
 * is public by its (unguessable) id; another shop's image, an unknown one or an unknown size is 404. An image id
 * never changes its content, so answers are cached for a year ({@code immutable}), with the content's SHA-256 as
 * ETag; {@code nosniff} keeps browsers to the type the bytes were checked to be.
 */
@Controller("/s/{tenant}/images")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Storefront")
class StorefrontImagesController {

    private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

    private final ProductImages images;

    StorefrontImagesController(ProductImages images) {
        this.images = images;
    }

    @Get("/{imageId}")
    @Operation(summary = "A product image as uploaded (PNG or JPEG)")
    HttpResponse<StreamedFile> original(@PathVariable String tenant, @PathVariable String imageId,
                                        @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return served(images.open(imageId, null), ifNoneMatch);
    }

    @Get("/{imageId}/{size}")
    @Operation(summary = "A rendition of a product image: thumb (320 px on the long side) or medium (800 px)")
    HttpResponse<StreamedFile> rendition(@PathVariable String tenant, @PathVariable String imageId,
                                         @PathVariable String size,
                                         @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ImageSize wanted = ImageSize.named(size).orElseThrow(() -> new NotFoundException("No such image size."));
        return served(images.open(imageId, wanted), ifNoneMatch);
    }

    private static HttpResponse<StreamedFile> served(FileContent content, @Nullable String ifNoneMatch) {
        String etag = "\"" + content.file().sha256() + "\"";
        if (etag.equals(ifNoneMatch)) {
            close(content);
            return HttpResponse.<StreamedFile>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER);
        }
        return HttpResponse.ok(new StreamedFile(content.stream(), MediaType.of(content.file().contentType()),
                        content.file().storedAt().toEpochMilli(), content.file().size()))
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER)
                .header("X-Content-Type-Options", "nosniff");
    }

    private static void close(FileContent content) {
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
