package io.vitrine.customs.declaration;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The exact signed XML of a message as it was sent (api.md {@code GET /api/v1/declarations/{orderNo}/messages/{guid}}),
 * for audit: unsealed from {@code declaration_messages.xml_sealed} and answered byte for byte as
 * {@link OrderLegSending} kept it (the signer's UTF-8 output). Every read leaves one audit event
 * ({@value #READ_ACTION}, subject the message guid, detail the order number) on the message's tenant, in the same
 * transaction as the read: no XML leaves without its trace.
 *
 * <p>Who may read is the caller's decision (the set of tenants it passes); an unknown guid, another order's or a
 * tenant's outside the set is a 404. A message stored but not sent yet holds the unsigned XML, which was never sent:
 * 409, and nothing is audited (nothing left).
 */
@Singleton
public class SentMessageArchive {

    public static final String READ_ACTION = "DECLARATION_XML_READ";
    public static final String SUBJECT = "declaration_message";

    private final DeclarationQueries queries;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;

    SentMessageArchive(DeclarationQueries queries, PersonalDataCipher cipher, AuditTrail audit) {
        this.queries = queries;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Transactional
    public byte[] signedXml(Actor reader, Set<TenantId> tenants, String orderNo, String guid) {
        DeclarationMessage message = queries.message(tenants, orderNo, guid)
                .orElseThrow(() -> new NotFoundException("No such message of this declaration."));
        if (!message.signed()) {
            throw new ConflictException("This message has not been sent yet: there is no signed XML to show.");
        }
        audit.record(reader, message.tenant(), READ_ACTION, SUBJECT, message.guid(),
                "orderNo=" + message.orderNo() + " type=" + message.messageType());
        return cipher.decrypt(message.xmlSealed()).getBytes(StandardCharsets.UTF_8);
    }
}
