package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileRejectedException;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.files.StoredFile;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Photos attached to a return while it is REQUESTED — by the shopper holding the order's token, or by the shop's
 * staff for a return opened at the counter — and shown to exactly those: another token, tenant or store is 404.
 * <p>
 * A photo is a JPEG, PNG or WebP by its bytes ({@link PhotoFormat}), at most the file storage's {@code return-photo}
 * limit (5 MB, 413 otherwise) and at most {@value #MAX_PER_RETURN} per return (422 {@code TOO_MANY_PHOTOS}, counted
 * under the return's row lock so concurrent uploads never pass it). The file is stored under its generated id with a
 * name made here, never the client's, so no name can reach outside the tenant's folder. A refusal stores nothing.
 */
@Singleton
public class ReturnPhotos {

    /** The multipart field and the problem's field name. */
    public static final String FIELD = "photo";
    public static final int MAX_PER_RETURN = 5;
    static final String CATEGORY = "return-photo";

    private final ReturnRequests returns;
    private final ReturnPhotoRecords photos;
    private final FileStorage files;
    private final OrderReading reading;
    private final VisibleStores stores;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    ReturnPhotos(ReturnRequests returns, ReturnPhotoRecords photos, FileStorage files, OrderReading reading,
                 VisibleStores stores, CurrentTenant currentTenant, Clock clock) {
        this.returns = returns;
        this.photos = photos;
        this.files = files;
        this.reading = reading;
        this.stores = stores;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    /** The shopper's photo, holding the token of the return's order. */
    @Transactional
    public ReturnPhoto addByShopper(String returnNo, @Nullable String token, InputStream content) {
        shoppers(returnNo, token);
        return add(returnNo, ShopperReturns.SHOPPER, content);
    }

    /** A photo the staff attach at the counter (a store manager only to their stores' returns). */
    @Transactional
    public ReturnPhoto addByStaff(Actor by, String returnNo, InputStream content) {
        staffs(by, returnNo);
        return add(returnNo, by.id(), content);
    }

    @Transactional(readOnly = true)
    public List<ReturnPhoto> forShopper(String returnNo, @Nullable String token) {
        shoppers(returnNo, token);
        return photos.ofReturn(returnNo);
    }

    @Transactional(readOnly = true)
    public List<ReturnPhoto> forStaff(Actor by, String returnNo) {
        staffs(by, returnNo);
        return photos.ofReturn(returnNo);
    }

    /** The photo's bytes for the shopper; close it. */
    @Transactional(readOnly = true)
    public FileContent openForShopper(String returnNo, @Nullable String token, String photoId) {
        shoppers(returnNo, token);
        return open(returnNo, photoId);
    }

    /** The photo's bytes for the staff; close it. */
    @Transactional(readOnly = true)
    public FileContent openForStaff(Actor by, String returnNo, String photoId) {
        staffs(by, returnNo);
        return open(returnNo, photoId);
    }

    private ReturnPhoto add(String returnNo, String addedBy, InputStream content) {
        ReturnRequest locked = returns.lock(returnNo).orElseThrow(ReturnPhotos::notFound);
        if (locked.status() != ReturnStatus.REQUESTED) {
            throw new ConflictException("RETURN_NOT_REQUESTED",
                    "Photos are added while the return is REQUESTED; it is " + locked.status() + ".");
        }
        if (photos.ofReturn(returnNo).size() >= MAX_PER_RETURN) {
            String why = "a return has at most " + MAX_PER_RETURN + " photos";
            throw new ReturnRefusedException("TOO_MANY_PHOTOS", why,
                    List.of(new FieldError(FIELD, why, "TOO_MANY_PHOTOS")));
        }
        PhotoFormat.Sniffed sniffed = PhotoFormat.sniff(content);
        TenantId tenant = currentTenant.require();
        StoredFile file = store(tenant, returnNo, sniffed);
        try {
            ReturnPhoto photo = new ReturnPhoto(file.id(), returnNo, file.contentType(), file.size(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS), addedBy);
            photos.insert(photo);
            return photo;
        } catch (RuntimeException e) {
            files.delete(tenant, file.id()); // the local folder is not transactional
            throw e;
        }
    }

    private StoredFile store(TenantId tenant, String returnNo, PhotoFormat.Sniffed sniffed) {
        String name = returnNo + "-photo." + sniffed.format().name().toLowerCase(Locale.ROOT);
        try {
            return files.store(tenant, CATEGORY, name, sniffed.format().contentType(), sniffed.content());
        } catch (FileRejectedException e) {
            if (e.reason() == FileRejectedException.Reason.TOO_LARGE) {
                throw new FileRejectedException(e.reason(), FIELD + ": TOO_LARGE, " + e.getMessage());
            }
            if (e.reason() == FileRejectedException.Reason.UNKNOWN_CATEGORY) {
                throw e;
            }
            throw InvalidInputException.of(FIELD, e.reason().name(), e.getMessage());
        }
    }

    private FileContent open(String returnNo, String photoId) {
        ReturnPhoto photo = photos.find(returnNo, photoId).orElseThrow(ReturnPhotos::notFound);
        return files.open(currentTenant.require(), photo.id()).orElseThrow(ReturnPhotos::notFound);
    }

    private void shoppers(String returnNo, @Nullable String token) {
        ReturnRequest found = returns.find(returnNo).orElseThrow(ReturnPhotos::notFound);
        reading.requireToken(found.orderNo(), token);
    }

    private void staffs(Actor by, String returnNo) {
        returns.find(returnNo).filter(found -> stores.sees(by, found.storeCode())).orElseThrow(ReturnPhotos::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException(StaffReturns.NOT_FOUND);
    }
}
