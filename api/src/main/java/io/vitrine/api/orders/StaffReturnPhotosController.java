package io.vitrine.api.orders;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.orders.ReturnPhotoFiles.PhotoView;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.orders.returns.ReturnPhoto;
import io.vitrine.orders.returns.ReturnPhotos;

/**
 * Photos of a return for the shop's staff (api.md "Orders, payments, customs, returns"): attached at the counter while
 * the return is REQUESTED, listed and read back. Another shop's return, or another store's for a store manager, is 404.
 */
@Controller("/api/v1/returns/{returnNo}/photos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
@Tag(name = "Returns")
class StaffReturnPhotosController {

    private final ReturnPhotos photos;

    StaffReturnPhotosController(ReturnPhotos photos) {
        this.photos = photos;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attaches a photo to a requested return",
            description = "multipart part photo -> 201 the photo. JPEG, PNG or WebP by its content (400 photo "
                    + "NOT_AN_IMAGE / EMPTY), at most 5 MB (413), at most 5 per return (422 TOO_MANY_PHOTOS); 409 once "
                    + "the return is no longer REQUESTED.")
    HttpResponse<PhotoView> add(@PathVariable String returnNo, @Part("photo") CompletedFileUpload photo,
                                Authentication caller) {
        ReturnPhoto added = ReturnPhotoFiles.added(photo,
                content -> photos.addByStaff(StaffClaims.actorOf(caller), returnNo, content));
        return HttpResponse.status(HttpStatus.CREATED).body(view(added));
    }

    @Get
    @Operation(summary = "The return's photos, oldest first")
    Listing<PhotoView> list(@PathVariable String returnNo, Authentication caller) {
        return Listing.of(photos.forStaff(StaffClaims.actorOf(caller), returnNo).stream().map(this::view).toList());
    }

    @Get("/{photoId}")
    @Produces(MediaType.ALL)
    @Operation(summary = "One photo's bytes")
    HttpResponse<StreamedFile> photo(@PathVariable String returnNo, @PathVariable String photoId,
                                     Authentication caller) {
        return ReturnPhotoFiles.served(photos.openForStaff(StaffClaims.actorOf(caller), returnNo, photoId));
    }

    private PhotoView view(ReturnPhoto photo) {
        return PhotoView.of(photo, "/api/v1/returns/" + photo.returnNo() + "/photos/" + photo.id());
    }
}
