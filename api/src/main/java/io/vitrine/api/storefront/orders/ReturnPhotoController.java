package io.vitrine.api.storefront.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.orders.ReturnPhotoFiles;
import io.vitrine.api.orders.ReturnPhotoFiles.PhotoView;
import io.vitrine.api.tenants.Listing;
import io.vitrine.orders.returns.ReturnPhoto;
import io.vitrine.orders.returns.ReturnPhotos;

/**
 * A shopper's photos of their return (api.md "Storefront"), anonymous with the order's token, in the tenant of the
 * {@code /s/{tenant}} path: attached while the return is REQUESTED, listed and read back. Any other token or return
 * is 404.
 */
@Controller("/s/{tenant}/api/returns/{returnNo}/photos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Storefront")
class ReturnPhotoController {

    private final ReturnPhotos photos;

    ReturnPhotoController(ReturnPhotos photos) {
        this.photos = photos;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attaches a photo to the shopper's requested return",
            description = "multipart part photo -> 201 the photo. JPEG, PNG or WebP by its content (400 photo "
                    + "NOT_AN_IMAGE / EMPTY), at most 5 MB (413), at most 5 per return (422 TOO_MANY_PHOTOS); 409 once "
                    + "the return is no longer REQUESTED; 404 any other token or return.")
    HttpResponse<PhotoView> add(@PathVariable String tenant, @PathVariable String returnNo,
                                @Nullable @QueryValue String token, @Part("photo") CompletedFileUpload photo) {
        ReturnPhoto added = ReturnPhotoFiles.added(photo, content -> photos.addByShopper(returnNo, token, content));
        return HttpResponse.status(HttpStatus.CREATED).body(view(tenant, added))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get
    @Operation(summary = "The return's photos, read with the order's token")
    HttpResponse<Listing<PhotoView>> list(@PathVariable String tenant, @PathVariable String returnNo,
                                          @Nullable @QueryValue String token) {
        return HttpResponse.ok(Listing.of(photos.forShopper(returnNo, token).stream()
                .map(photo -> view(tenant, photo)).toList())).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get("/{photoId}")
    @Produces(MediaType.ALL)
    @Operation(summary = "One photo's bytes, read with the order's token")
    HttpResponse<StreamedFile> photo(@PathVariable String tenant, @PathVariable String returnNo,
                                     @PathVariable String photoId, @Nullable @QueryValue String token) {
        return ReturnPhotoFiles.served(photos.openForShopper(returnNo, token, photoId));
    }

    /** The url without the token: the shopper's page appends it. */
    private static PhotoView view(String tenant, ReturnPhoto photo) {
        return PhotoView.of(photo, "/s/" + tenant + "/api/returns/" + photo.returnNo() + "/photos/" + photo.id());
    }
}
