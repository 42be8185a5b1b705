package io.vitrine.api.customs;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.customs.declaration.Declaration;
import io.vitrine.customs.declaration.DeclarationMessage;
import io.vitrine.customs.declaration.DeclarationStatus;
import io.vitrine.customs.declaration.DeclarationStore;
import io.vitrine.customs.declaration.RecordedReceipt;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.TenantId;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Declarations written through customs' own {@link DeclarationStore} of the running application (the embedded
 * application has no signer, so none is declared by the pipeline): a declaration in a chosen status and times, its
 * messages sealed with the application's {@link PersonalDataCipher} — "sent" ones exactly as {@code OrderLegSending}
 * keeps the signed XML — and customs' receipts.
 */
public final class DeclarationRows {

    private final DeclarationStore store;
    private final PersonalDataCipher cipher;
    private final TransactionOperations<Connection> transactions;

    @SuppressWarnings("unchecked")
    public DeclarationRows(RunningVitrine vitrine) {
        this.store = vitrine.bean(DeclarationStore.class);
        this.cipher = vitrine.bean(PersonalDataCipher.class);
        this.transactions = vitrine.context().getBean(Argument.of(TransactionOperations.class, Connection.class));
    }

    /** A fresh order number of the declarations (no order behind it: the declaration tables stand alone). */
    public static String orderNo() {
        return "D" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT)
                + ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    public static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** A signed-looking CEB311 whose bytes are worth comparing: Chinese text, CRLF, trailing spaces. */
    public static byte[] signedXml(String orderNo, String guid) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<ceb:CEB311Message guid=\"" + guid
                + "\" version=\"1.0\" xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">\r\n  <ceb:Order><ceb:OrderHead>"
                + "<ceb:orderNo>" + orderNo + "</ceb:orderNo><ceb:consignee>张三</ceb:consignee></ceb:OrderHead>"
                + "</ceb:Order>   \r\n<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
                + "<ds:SignatureValue>AbC+/=</ds:SignatureValue></ds:Signature></ceb:CEB311Message>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Opens the declaration (as it stands: status, legs, reason, times) with its first message, unsent. */
    public void open(Declaration declaration, String guid, String type) {
        transactions.executeWrite(status -> store.open(declaration, new DeclarationMessage(guid, declaration.tenant(),
                declaration.orderNo(), type, "1", cipher.encrypt("<unsigned " + guid + "/>"), false,
                type + "_" + guid + ".xml", declaration.createdAt(), null, 0)));
    }

    /** Marks the message sent with these bytes as its signed XML (sealed), as OrderLegSending does. */
    public void sent(TenantId tenant, String guid, byte[] signed, Instant at) {
        transactions.executeWrite(status -> {
            store.sent(tenant, guid, cipher.encrypt(new String(signed, StandardCharsets.UTF_8)), at);
            return null;
        });
    }

    public void receipt(TenantId tenant, String orderNo, String messageGuid, int returnStatus, Instant at, String info) {
        transactions.executeWrite(status -> store.record(new RecordedReceipt(guid(), tenant, messageGuid, orderNo,
                returnStatus, at, info, at)));
    }

    public static Declaration declaration(TenantId tenant, String orderNo, DeclarationStatus status, Instant created,
                                          Instant updated, String reason) {
        DeclarationStatus leg = status == DeclarationStatus.RELEASED ? DeclarationStatus.ACCEPTED : status;
        return new Declaration(UUID.randomUUID().toString(), tenant, orderNo, "1210", status, leg, leg, status, reason,
                created, updated);
    }
}
