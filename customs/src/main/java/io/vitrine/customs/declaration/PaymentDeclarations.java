package io.vitrine.customs.declaration;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Optional;

/**
 * The payment leg's declarations (table {@code declaration_payments}, V30), by tenant. Every call joins the caller's
 * transaction. Implemented in {@code infra}.
 */
public interface PaymentDeclarations {

    /** Inserts it; false (nothing written) when the order already has one. */
    boolean insert(PaymentDeclaration declaration);

    Optional<PaymentDeclaration> find(TenantId tenant, String orderNo);

    /** Locks the row until the transaction ends. */
    Optional<PaymentDeclaration> lock(TenantId tenant, String orderNo);

    void update(PaymentDeclaration declaration);
}
