package io.vitrine.customs.paymentdata;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.Optional;

/** Table {@code payment_data_requests} (V35); every call joins the caller's transaction. Implemented in infra. */
public interface PaymentDataRequestStore {

    /**
     * The tenant of the declaration of this order number (order numbers are unique across tenants): customs asks
     * the platform, not a shop, so this is the one lookup across tenants.
     */
    Optional<TenantId> tenantOfDeclaredOrder(String orderNo);

    /** @return false, nothing written, when the session is already recorded */
    boolean insert(RecordedRequest request);

    Optional<RecordedRequest> find(String sessionId);

    /** One more attempt; the upload guid kept if there is one, else {@code guid}. @return the row after it */
    RecordedRequest attempted(String sessionId, String guid);

    void failed(String sessionId, String error);

    void answered(String sessionId, Instant answeredAt, boolean deadlineMet, String upload);
}
