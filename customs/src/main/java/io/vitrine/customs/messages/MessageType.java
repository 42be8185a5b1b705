package io.vitrine.customs.messages;

import java.util.List;
import java.util.Optional;

/**
 * The CEB message types this module writes and reads, each typed by its body: {@code CEB311} holds
 * {@link OrderDeclaration}s, the receipts {@link DeclarationReceipt}s. Root element {@code CEBnnnMessage}.
 */
public final class MessageType<B> {

    public static final MessageType<OrderDeclaration> CEB311 = new MessageType<>("CEB311", true,
            new BodySchema.HeadAndLines<>("Order", Schemas.ORDER_HEAD, Schemas.ORDER_LIST, OrderDeclaration::head,
                    OrderDeclaration::lines, OrderDeclaration::new));
    public static final MessageType<DeclarationReceipt> CEB312 = new MessageType<>("CEB312", false,
            new BodySchema.Single<>(Schemas.ORDER_RETURN));
    public static final MessageType<InventoryDeclaration> CEB621 = new MessageType<>("CEB621", true,
            new BodySchema.HeadAndLines<>("Inventory", Schemas.INVENTORY_HEAD, Schemas.INVENTORY_LIST,
                    InventoryDeclaration::head, InventoryDeclaration::lines, InventoryDeclaration::new));
    public static final MessageType<DeclarationReceipt> CEB622 = new MessageType<>("CEB622", false,
            new BodySchema.Single<>(Schemas.INVENTORY_RETURN));
    public static final MessageType<InvtCancel> CEB623 = new MessageType<>("CEB623", true,
            new BodySchema.Single<>(Schemas.INVT_CANCEL));
    public static final MessageType<DeclarationReceipt> CEB624 = new MessageType<>("CEB624", false,
            new BodySchema.Single<>(Schemas.INVT_CANCEL_RETURN));
    public static final MessageType<InvtRefund> CEB625 = new MessageType<>("CEB625", true,
            new BodySchema.HeadAndLines<>("InvtRefund", Schemas.INVT_REFUND_HEAD, Schemas.INVT_REFUND_LIST,
                    InvtRefund::head, InvtRefund::lines, InvtRefund::new));
    public static final MessageType<DeclarationReceipt> CEB626 = new MessageType<>("CEB626", false,
            new BodySchema.Single<>(Schemas.INVT_REFUND_RETURN));
    public static final MessageType<TaxBill> CEB816 = new MessageType<>("CEB816", false,
            new BodySchema.HeadAndLines<>("Tax", Schemas.TAX_HEAD, Schemas.TAX_LIST, TaxBill::head, TaxBill::lines,
                    TaxBill::new));

    private static final List<MessageType<?>> ALL = List.of(CEB311, CEB312, CEB621, CEB622, CEB623, CEB624, CEB625,
            CEB626, CEB816);

    private final String code;
    private final boolean declaration;
    private final BodySchema<B> body;

    private MessageType(String code, boolean declaration, BodySchema<B> body) {
        this.code = code;
        this.declaration = declaration;
        this.body = body;
    }

    public static List<MessageType<?>> all() {
        return ALL;
    }

    /** The type whose root element is {@code rootElement} (e.g. {@code CEB622Message}). */
    public static Optional<MessageType<?>> ofRootElement(String rootElement) {
        return ALL.stream().filter(t -> t.rootElement().equals(rootElement)).findFirst();
    }

    /** {@code CEB311}. */
    public String code() {
        return code;
    }

    /** {@code CEB311Message}: the root element, and the DXP wrapper's MsgType. */
    public String rootElement() {
        return code + "Message";
    }

    /** What we declare (and sign, with BaseTransfer); false for receipts and tax bills, which customs sends. */
    public boolean isDeclaration() {
        return declaration;
    }

    BodySchema<B> body() {
        return body;
    }

    @Override
    public String toString() {
        return code;
    }
}
