package io.vitrine.orders.returns;

import java.util.List;
import java.util.Optional;

/**
 * The {@code return_photos} table (V44), in the current tenant; every call joins the caller's transaction.
 * Implemented in {@code infra}.
 */
public interface ReturnPhotoRecords {

    void insert(ReturnPhoto photo);

    /** The return's photos, oldest first. */
    List<ReturnPhoto> ofReturn(String returnNo);

    Optional<ReturnPhoto> find(String returnNo, String photoId);
}
