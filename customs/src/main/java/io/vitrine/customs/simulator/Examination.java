package io.vitrine.customs.simulator;

import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.InventoryDeclaration;
import io.vitrine.customs.messages.InventoryHead;
import io.vitrine.customs.messages.InvtCancel;
import io.vitrine.customs.messages.InvtRefund;
import io.vitrine.customs.messages.InvtRefundHead;
import io.vitrine.customs.messages.LegConsistency;
import io.vitrine.customs.messages.MessageRules;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.OrderDeclaration;
import io.vitrine.customs.messages.OrderHead;
import io.vitrine.customs.signing.SignatureRejectedException;
import io.vitrine.customs.signing.SignatureVerifier;
import io.vitrine.customs.xml.XmlRejectedException;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.time.ChinaTime;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the simulated e-port and customs check of one received file, in customs' order: the DXP envelope, the
 * signature (every declaration arrives with appStatus 2, which requires one), the message's form
 * ({@link CebReader}), its fields and sums ({@link MessageRules}), and for an inventory list the match with the
 * order it names ({@link LegConsistency#inventoryMatchesOrder}). A valid message then follows its {@link Scenario}.
 */
public final class Examination {

    private static final Map<MessageType<?>, MessageType<?>> ANSWERS = Map.of(MessageType.CEB311, MessageType.CEB312,
            MessageType.CEB621, MessageType.CEB622, MessageType.CEB623, MessageType.CEB624, MessageType.CEB625,
            MessageType.CEB626);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final SignatureVerifier verifier;
    private final MessageRules rules;
    private final CebReader reader;
    private final SimulatorSettings settings;
    private final Clock clock;

    public Examination(SignatureVerifier verifier, MessageRules rules, SimulatorSettings settings, Clock clock) {
        this.verifier = verifier;
        this.rules = rules;
        this.reader = new CebReader(settings.maxMessageBytes());
        this.settings = settings;
        this.clock = clock;
    }

    /** The signature check it uses, for the simulator's other checks (the "179" upload). */
    SignatureVerifier verifier() {
        return verifier;
    }

    /**
     * @param orders   the accepted CEB311 of an order number, if one arrived
     * @param released the inventory list (CEB621) released under an invtNo, if one was
     */
    public Verdict examine(byte[] file, Function<String, Optional<OrderDeclaration>> orders,
                           Function<String, Optional<InventoryDeclaration>> released) {
        DxpMessage envelope;
        try {
            envelope = DxpEnvelope.read(file, settings.maxMessageBytes());
        } catch (XmlRejectedException | IllegalArgumentException e) {
            return Verdict.unanswered(null, "UNREADABLE");
        }
        String guid = envelope.transInfo().copMsgId();
        String replyTo = envelope.transInfo().senderId();
        MessageType<?> type = MessageType.ofRootElement(envelope.transInfo().msgType()).orElse(null);
        MessageType<?> answer = type == null ? null : ANSWERS.get(type);
        if (answer == null) {
            return Verdict.unanswered(guid, "NOT_DECLARATION");
        }
        byte[] payload = envelope.data();
        try {
            verifier.verify(payload);
        } catch (SignatureRejectedException e) {
            return failed(guid, answer, replyTo, "BAD_SIGNATURE", Scenario.SIGNATURE_FAILURE,
                    "signature rejected: " + e.getMessage());
        }
        CebMessage<?> message;
        try {
            message = reader.read(payload, type);
        } catch (InvalidInputException e) {
            return failed(guid, answer, replyTo, "INVALID", Scenario.FORMAT_FAILURE, describe(e.errors()));
        } catch (XmlRejectedException | IllegalArgumentException e) {
            return failed(guid, answer, replyTo, "INVALID", Scenario.FORMAT_FAILURE, "root " + e.getMessage());
        }
        List<FieldError> errors = rules.check(message);
        Verdict.Keys keys = keysOf(message);
        if (!errors.isEmpty()) {
            return new Verdict(message.guid(), answer, replyTo, "INVALID", keys,
                    List.of(new Scenario.Step(Scenario.FORMAT_FAILURE, info(Scenario.FORMAT_FAILURE, describe(errors)))),
                    null);
        }
        Object body = message.bodies().get(0);
        Scenario scenario;
        String rejectionText;
        if (body instanceof OrderDeclaration order) {
            rejectionText = marked(order.head().note(), order.head().consignee());
            scenario = Scenario.markedIn(order.head().note(), order.head().consignee()).orElse(settings.defaultScenario());
        } else if (body instanceof InventoryDeclaration inventory) {
            Optional<OrderDeclaration> order = orders.apply(inventory.head().orderNo());
            if (order.isEmpty()) {
                return new Verdict(message.guid(), answer, replyTo, "LEG_MISMATCH", keys, List.of(new Scenario.Step(
                        Scenario.LEG_MISMATCH, info(Scenario.LEG_MISMATCH,
                                "InventoryHead.orderNo ORDER_NOT_RECEIVED: no accepted CEB311 for this order"))), null);
            }
            List<FieldError> mismatches = LegConsistency.inventoryMatchesOrder(order.get(), inventory);
            if (!mismatches.isEmpty()) {
                return new Verdict(message.guid(), answer, replyTo, "LEG_MISMATCH", keys, List.of(new Scenario.Step(
                        Scenario.LEG_MISMATCH, info(Scenario.LEG_MISMATCH, describe(mismatches)))), null);
            }
            OrderHead ordered = order.get().head();
            Optional<Scenario> own = Scenario.markedIn(inventory.head().note());
            rejectionText = own.isPresent() ? inventory.head().note() : marked(ordered.note(), ordered.consignee());
            scenario = own.or(() -> Scenario.markedIn(ordered.note(), ordered.consignee()))
                    .orElse(settings.defaultScenario());
        } else if (body instanceof InvtRefund refund) {
            Optional<InventoryDeclaration> list = released.apply(refund.head().invtNo());
            if (list.isEmpty()) {
                return new Verdict(message.guid(), answer, replyTo, "LEG_MISMATCH", keys, List.of(new Scenario.Step(
                        Scenario.LEG_MISMATCH, info(Scenario.LEG_MISMATCH,
                                "InvtRefundHead.invtNo LIST_NOT_RELEASED: no released CEB621 under this number"))),
                        null);
            }
            List<FieldError> mismatches = LegConsistency.refundMatchesInventory(list.get(), refund);
            if (!mismatches.isEmpty()) {
                return new Verdict(message.guid(), answer, replyTo, "LEG_MISMATCH", keys, List.of(new Scenario.Step(
                        Scenario.LEG_MISMATCH, info(Scenario.LEG_MISMATCH, describe(mismatches)))), null);
            }
            rejectionText = marked(refund.head().note(), refund.head().reason());
            scenario = Scenario.markedIn(refund.head().note(), refund.head().reason()).orElse(Scenario.RELEASE);
        } else {
            rejectionText = null;
            scenario = settings.defaultScenario() == Scenario.FORMAT_ERROR ? Scenario.FORMAT_ERROR : Scenario.RELEASE;
        }
        List<Scenario.Step> steps = scenario.answers(type, Scenario.rejectionReason(rejectionText));
        byte[] accepted = type == MessageType.CEB311 && steps.get(0).status() >= 0 ? payload : null;
        String taxLines = null;
        if (body instanceof InventoryDeclaration inventory && steps.get(steps.size() - 1).status() == 800) {
            OrderHead ordered = orders.apply(inventory.head().orderNo()).orElseThrow().head();
            taxLines = SimulatedTax.encode(SimulatedTax.lines(inventory,
                    SimulatedTax.marked(inventory.head().note(), ordered.note(), ordered.consignee())));
        }
        return new Verdict(message.guid(), answer, replyTo, scenario.name(), keys, steps, accepted, taxLines);
    }

    private static String marked(String note, String consignee) {
        return Scenario.markedIn(note).isPresent() ? note : consignee;
    }

    private Verdict failed(String guid, MessageType<?> answer, String replyTo, String outcome, int status, String why) {
        return new Verdict(guid, answer, replyTo, outcome, Verdict.NO_KEYS, List.of(new Scenario.Step(status, info(status, why))),
                null);
    }

    private static String info(int status, String description) {
        return "[Code:" + status + ";Desc:" + description + "]";
    }

    /** Each violated field with its rule: {@code Inventory[1].InventoryList[1].gcode HS_CODE_FORM (…)}. */
    static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + (e.rule() == null ? "" : e.rule() + " ") + "(" + e.message() + ")")
                .collect(Collectors.joining("; "));
    }

    private Verdict.Keys keysOf(CebMessage<?> message) {
        Object body = message.bodies().get(0);
        if (body instanceof OrderDeclaration order) {
            OrderHead h = order.head();
            return new Verdict.Keys(h.orderNo(), null, null, null, null, h.ebp().code(), h.ebc().code(), null);
        }
        if (body instanceof InventoryDeclaration inventory) {
            InventoryHead h = inventory.head();
            String preNo = h.preNo() != null ? h.preNo() : "B" + today() + digits(message.guid(), "pre");
            String invtNo = h.invtNo() != null ? h.invtNo()
                    : h.customsCode() + today().substring(0, 4) + "I" + digits(message.guid(), "invt");
            return new Verdict.Keys(h.orderNo(), h.copNo(), preNo, invtNo, h.customsCode(), h.ebp().code(),
                    h.ebc().code(), h.agent().code());
        }
        if (body instanceof InvtCancel c) {
            return new Verdict.Keys(c.orderNo(), c.copNo(), c.preNo(), c.invtNo(), c.customsCode(), c.ebp().code(),
                    c.ebc().code(), c.agent().code());
        }
        if (body instanceof InvtRefund refund) {
            InvtRefundHead h = refund.head();
            return new Verdict.Keys(h.orderNo(), h.copNo(), h.preNo(), h.invtNo(), h.customsCode(), h.ebp().code(),
                    h.ebc().code(), h.agent().code());
        }
        return Verdict.NO_KEYS;
    }

    private String today() {
        return DAY.format(ChinaTime.now(clock));
    }

    /** Nine digits derived from the guid: customs' numbers for a list, the same whenever it is examined. */
    private static String digits(String guid, String salt) {
        long n = UUID.nameUUIDFromBytes((salt + guid).getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return String.format("%09d", Math.floorMod(n, 1_000_000_000L));
    }
}
