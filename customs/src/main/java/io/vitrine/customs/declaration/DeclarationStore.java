package io.vitrine.customs.declaration;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The declaration tables (V27). Every call joins the caller's transaction; everything is by tenant except
 * {@link #message(String)}, how a receipt (which names no tenant) finds the message it answers. Implemented in
 * {@code infra}.
 */
public interface DeclarationStore {

    /** Inserts the declaration and its first message; false (nothing written) when the order already has one. */
    boolean open(Declaration declaration, DeclarationMessage first);

    Optional<Declaration> find(TenantId tenant, String orderNo);

    /** Locks the declaration's row until the transaction ends. */
    Optional<Declaration> lock(TenantId tenant, String orderNo);

    void update(Declaration declaration);

    List<DeclarationMessage> messages(TenantId tenant, String orderNo);

    /** Adds a further message to an open declaration (the inventory list, a corrected CEB311 or CEB621, a CEB623). */
    void add(DeclarationMessage message);

    /** Adds a return request (CEB625) to an open declaration with the return it asks for (V37 {@code return_declarations}). */
    void addReturnRequest(DeclarationMessage message, String returnNo);

    /** The return request (CEB625) stored for the return, if one was. */
    Optional<DeclarationMessage> returnRequest(TenantId tenant, String returnNo);

    /** The return a return request (CEB625) of this guid asks for. */
    Optional<String> returnOf(TenantId tenant, String messageGuid);

    /** The message with this guid, in any tenant. */
    Optional<DeclarationMessage> message(String guid);

    /**
     * Counts one attempt to send the message. Called in a transaction of its own before the send, so a send that
     * fails (and rolls back with its delivery) is counted too.
     */
    void attempted(TenantId tenant, String guid);

    /** Keeps the signed XML (sealed) once the message was handed off (the attempt is counted by {@link #attempted}). */
    void sent(TenantId tenant, String guid, String signedXmlSealed, Instant at);

    /** Records the receipt; false (nothing written) when this receipt was recorded before. */
    boolean record(RecordedReceipt receipt);

    List<RecordedReceipt> receipts(TenantId tenant, String orderNo);

    /** @param status null for every status; {@code orderNo} null for every order */
    List<Declaration> list(TenantId tenant, DeclarationStatus status, String orderNo, int limit);
}
