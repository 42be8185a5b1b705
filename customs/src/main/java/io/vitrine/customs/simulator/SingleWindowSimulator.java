package io.vitrine.customs.simulator;

import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.InventoryDeclaration;
import io.vitrine.customs.paymentdata.ImmediateAnswer;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.OrderDeclaration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The single window as seen from our side of a directory exchange. Each {@link #tick()} takes every file waiting in
 * the send folder (claimed by an atomic rename into its own {@code claimed/} folder, as the exchange claims
 * receipts), {@linkplain Examination examines} it, records the verdict and the receipts to send in the
 * {@link SimulatorLedger}, then writes every receipt whose delay has passed into the receive folder, in order.
 *
 * <p>Once: a guid already in the ledger is not examined again (a re-sent file is archived unanswered), and each
 * planned receipt is written once — the ledger line follows the file; a crash between the two re-sends the same
 * receipt with the same guid. A restart replays the ledger, puts back claimed files it never recorded and carries on
 * with the receipts still due. One simulator per data folder.
 *
 * <p>Data folder: {@code ledger.jsonl}, {@code claimed/}, {@code processed/} (what it received, kept for looking at),
 * {@code orders/<guid>.xml} (accepted orders, to match inventory lists against), {@code lists/<invtNo>.xml} (released
 * inventory lists, to match return requests against).
 */
public final class SingleWindowSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleWindowSimulator.class);
    private static final String CLAIM_SEPARATOR = "~";

    private final Path send;
    private final Path claimed;
    private final Path processed;
    private final Path orders;
    private final Path lists;
    private final SimulatorLedger ledger;
    private final Examination examination;
    private final ReceiptWriter receipts;
    private final SimulatorSettings settings;
    private final Clock clock;

    private final Set<String> received = new HashSet<>();
    private final Map<String, String> orderGuids = new HashMap<>();
    private final Map<String, PlannedReceipt> pending = new LinkedHashMap<>();
    private final PaymentDataCheck paymentData;
    private final PaymentDataRequester requester = new PaymentDataRequester();
    private final Map<String, PaymentDataCheck.Asked> asked = new HashMap<>();
    private final Set<String> judged = new HashSet<>();

    /**
     * @param send    the folder our exchange sends to (the single-window client's outbox)
     * @param receive the folder our exchange picks receipts up from
     * @param data    the simulator's own folder (ledger and copies)
     */
    public SingleWindowSimulator(Path send, Path receive, Path data, Examination examination,
                                 SimulatorSettings settings, Clock clock) {
        this.send = send;
        this.claimed = data.resolve("claimed");
        this.processed = data.resolve("processed");
        this.orders = data.resolve("orders");
        this.lists = data.resolve("lists");
        this.examination = examination;
        this.receipts = new ReceiptWriter(receive, clock);
        this.settings = settings;
        this.clock = clock;
        try {
            for (Path dir : List.of(send, receive, claimed, processed, orders, lists)) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulator folders under " + data, e);
        }
        this.paymentData = new PaymentDataCheck(examination.verifier(), settings.maxMessageBytes());
        this.ledger = new SimulatorLedger(data.resolve("ledger.jsonl"));
        replay();
        releaseClaims();
    }

    /** Receives what is waiting, then answers what is due. @return receipts written */
    public synchronized int tick() {
        for (Path file : waiting()) {
            receive(file);
        }
        return answerDue();
    }

    /** Receipts planned and not yet written. */
    public synchronized int pendingReceipts() {
        return pending.size();
    }

    private void replay() {
        Set<String> answered = new HashSet<>();
        for (Map<String, String> entry : ledger.entries()) {
            switch (entry.get("event")) {
                case "received" -> {
                    received.add(entry.get("guid"));
                    if ("true".equals(entry.get("acceptedOrder"))) {
                        orderGuids.put(entry.get("orderNo"), entry.get("guid"));
                    }
                }
                case "planned" -> pending.put(entry.get("receiptGuid"), PlannedReceipt.ofEntry(entry));
                case "answered" -> answered.add(entry.get("receiptGuid"));
                case "payment-data-requested" -> asked.put(entry.get("sessionID"), new PaymentDataCheck.Asked(
                        entry.get("orderNo"), Instant.parse(entry.get("due"))));
                case "payment-data-request-answered" -> {
                    // the platform's immediate answer, for the record
                }
                case "payment-data" -> judged.add(entry.get("sessionID"));
                default -> LOG.warn("simulator ledger: unknown line {}", entry.get("event"));
            }
        }
        pending.keySet().removeAll(answered);
        // plans of a message whose "received" line never made it: the file is examined again
        pending.values().removeIf(p -> !received.contains(p.answered()));
    }

    /**
     * Customs' "179" request for an order the simulator accepted a CEB311 of: the request is recorded in the ledger
     * first (so an upload arriving at once finds it), then posted to the platform; its immediate answer recorded too.
     * The upload is expected in the send folder within {@code deadline}: a later one is judged {@code LATE}.
     *
     * @param sessionId customs' session (the same again repeats the request)
     * @throws IllegalArgumentException for an order the simulator has not accepted
     */
    public synchronized ImmediateAnswer requestPaymentData(String orderNo, String sessionId, URI endpoint, String token,
                                                           Duration deadline) {
        if (!orderGuids.containsKey(orderNo)) {
            throw new IllegalArgumentException("the simulator has accepted no CEB311 for order " + orderNo);
        }
        Instant now = clock.instant();
        PaymentDataCheck.Asked ask = asked.computeIfAbsent(sessionId,
                s -> new PaymentDataCheck.Asked(orderNo, now.plus(deadline)));
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("event", "payment-data-requested");
        entry.put("sessionID", sessionId);
        entry.put("orderNo", ask.orderNo());
        entry.put("at", now.toString());
        entry.put("due", ask.due().toString());
        ledger.append(entry);
        ImmediateAnswer answer = requester.ask(endpoint, token,
                new PaymentDataRequester.OpenReq(orderNo, sessionId, now.toEpochMilli()));
        ledger.append(Map.of("event", "payment-data-request-answered", "sessionID", sessionId, "code", answer.code(),
                "message", answer.message() == null ? "" : answer.message(), "at", clock.instant().toString()));
        return answer;
    }

    /** The judgement of the upload of a session ({@code outcome}, {@code detail}, …), once one arrived. */
    public synchronized Optional<Map<String, String>> paymentDataVerdict(String sessionId) {
        return ledger.entries().stream().filter(e -> "payment-data".equals(e.get("event")))
                .filter(e -> sessionId.equals(e.get("sessionID"))).findFirst();
    }

    /** How many uploads of a session arrived (a repeated one is archived, not judged again). */
    public synchronized long paymentDataUploads(String sessionId) {
        return ledger.entries().stream().filter(e -> "payment-data-upload".equals(e.get("event")))
                .filter(e -> sessionId.equals(e.get("sessionID"))).count();
    }

    private void receivePaymentData(Path claim, String name, byte[] content) {
        PaymentDataCheck.Result result = content == null
                ? new PaymentDataCheck.Result(null, "UNREADABLE", "too large")
                : paymentData.check(content, clock.instant(), s -> Optional.ofNullable(asked.get(s)), this::signedOrder);
        ledger.append(Map.of("event", "payment-data-upload", "sessionID", String.valueOf(result.sessionId()),
                "file", name, "at", clock.instant().toString()));
        if (result.sessionId() != null && judged.contains(result.sessionId())) {
            LOG.info("simulator: {} repeats the 179 upload of session {}, already judged", name, result.sessionId());
        } else {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("event", "payment-data");
            entry.put("sessionID", result.sessionId());
            entry.put("file", name);
            entry.put("outcome", result.outcome());
            entry.put("detail", result.detail());
            entry.put("at", clock.instant().toString());
            ledger.append(entry);
            if (result.sessionId() != null) {
                judged.add(result.sessionId());
            }
            LOG.info("simulator: 179 upload {} ({}) -> {} {}", name, result.sessionId(), result.outcome(),
                    result.detail());
        }
        archive(claim, name);
    }

    private Optional<byte[]> signedOrder(String orderNo) {
        String guid = orderGuids.get(orderNo);
        if (guid == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(orders.resolve(guid + ".xml")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the accepted order " + guid, e);
        }
    }

    private void receive(Path file) {
        String name = file.getFileName().toString();
        Path claim = claimed.resolve(UUID.randomUUID() + CLAIM_SEPARATOR + name);
        byte[] content;
        try {
            Files.move(file, claim, StandardCopyOption.ATOMIC_MOVE);
            // larger than any message: not read into memory, set aside unanswered
            content = Files.size(claim) > settings.maxMessageBytes() ? null : Files.readAllBytes(claim);
        } catch (NoSuchFileException gone) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim " + file, e);
        }
        if (PaymentDataCheck.isPaymentData(name)) {
            receivePaymentData(claim, name, content);
            return;
        }
        Verdict verdict = content == null ? Verdict.unanswered(null, "TOO_LARGE")
                : examination.examine(content, this::acceptedOrder, this::releasedList);
        if (verdict.guid() != null && received.contains(verdict.guid())) {
            LOG.info("simulator: {} repeats message {}, already answered", name, verdict.guid());
        } else {
            keepIfReleased(verdict, content);
            record(name, verdict);
        }
        archive(claim, name);
    }

    private void record(String name, Verdict verdict) {
        if (verdict.acceptedOrder() != null) {
            write(orders.resolve(verdict.guid() + ".xml"), verdict.acceptedOrder());
        }
        Instant now = clock.instant();
        List<PlannedReceipt> plans = new ArrayList<>();
        if (verdict.answered()) {
            for (int step = 0; step < verdict.steps().size(); step++) {
                Scenario.Step s = verdict.steps().get(step);
                Verdict.Keys k = verdict.keys();
                plans.add(new PlannedReceipt(PlannedReceipt.receiptGuid(verdict.guid(), step), verdict.answerType().code(),
                        verdict.guid(), verdict.replyTo(), step, now.plus(settings.delayOf(step)), s.status(), s.info(),
                        k.orderNo(), k.copNo(), k.preNo(), k.invtNo(), k.customsCode(), k.ebpCode(), k.ebcCode(),
                        k.agentCode()));
            }
            if (verdict.taxLines() != null) {
                // customs raises the tax bill once the list is released: one more step after the last receipt
                int step = verdict.steps().size();
                Verdict.Keys k = verdict.keys();
                plans.add(new PlannedReceipt(PlannedReceipt.receiptGuid(verdict.guid(), step), MessageType.CEB816.code(),
                        verdict.guid(), verdict.replyTo(), step, now.plus(settings.delayOf(step)), 0, "tax bill",
                        k.orderNo(), k.copNo(), k.preNo(), k.invtNo(), k.customsCode(), k.ebpCode(), k.ebcCode(),
                        k.agentCode(), verdict.taxLines()));
            }
        }
        plans.forEach(p -> ledger.append(p.toEntry()));
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("event", "received");
        entry.put("at", now.toString());
        entry.put("file", name);
        entry.put("guid", verdict.guid());
        entry.put("answerType", verdict.answerType() == null ? null : verdict.answerType().code());
        entry.put("orderNo", verdict.keys().orderNo());
        entry.put("verdict", verdict.outcome());
        entry.put("acceptedOrder", Boolean.toString(verdict.acceptedOrder() != null));
        ledger.append(entry); // the commit point: from here on the guid counts as received
        if (verdict.guid() != null) {
            received.add(verdict.guid());
        }
        if (verdict.acceptedOrder() != null) {
            orderGuids.put(verdict.keys().orderNo(), verdict.guid());
        }
        plans.forEach(p -> pending.put(p.receiptGuid(), p));
        LOG.info("simulator: {} ({}) -> {}, {} receipt(s) planned", name, verdict.guid(), verdict.outcome(), plans.size());
    }

    private int answerDue() {
        Instant now = clock.instant();
        List<PlannedReceipt> due = pending.values().stream().filter(p -> !p.due().isAfter(now))
                .filter(p -> pending.values().stream().noneMatch(o -> o.answered().equals(p.answered()) && o.step() < p.step()))
                .sorted(Comparator.comparing(PlannedReceipt::due).thenComparing(PlannedReceipt::step)).toList();
        for (PlannedReceipt receipt : due) {
            receipts.write(receipt);
            ledger.append(Map.of("event", "answered", "receiptGuid", receipt.receiptGuid(), "answered",
                    receipt.answered(), "status", Integer.toString(receipt.status()), "at", now.toString()));
            pending.remove(receipt.receiptGuid());
        }
        return due.size();
    }

    /** An inventory list that is to be released is kept under its invtNo: return requests (CEB625) name it. */
    private void keepIfReleased(Verdict verdict, byte[] content) {
        List<Scenario.Step> steps = verdict.steps();
        if (verdict.answerType() == MessageType.CEB622 && !steps.isEmpty()
                && steps.get(steps.size() - 1).status() == 800) {
            write(lists.resolve(verdict.keys().invtNo() + ".xml"),
                    DxpEnvelope.read(content, settings.maxMessageBytes()).data());
        }
    }

    private Optional<InventoryDeclaration> releasedList(String invtNo) {
        Path list = lists.resolve(invtNo + ".xml");
        if (!invtNo.matches("[A-Za-z0-9]{1,64}") || !Files.exists(list)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CebReader(settings.maxMessageBytes())
                    .read(Files.readAllBytes(list), MessageType.CEB621).body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the released list " + invtNo, e);
        }
    }

    private Optional<OrderDeclaration> acceptedOrder(String orderNo) {
        String guid = orderGuids.get(orderNo);
        if (guid == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CebReader(settings.maxMessageBytes())
                    .read(Files.readAllBytes(orders.resolve(guid + ".xml")), MessageType.CEB311).body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the accepted order " + guid, e);
        }
    }

    /** Oldest first; not dot-files or files still being written. */
    private List<Path> waiting() {
        try (Stream<Path> files = Files.list(send)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".part") && !p.getFileName().toString().endsWith(".tmp"))
                    .sorted(Comparator.comparing(SingleWindowSimulator::modified).thenComparing(Path::getFileName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + send, e);
        }
    }

    /** Files claimed by a run that stopped before recording them go back to the send folder. */
    private void releaseClaims() {
        try (Stream<Path> claims = Files.list(claimed)) {
            for (Path claim : claims.toList()) {
                String name = claim.getFileName().toString();
                Files.move(claim, send.resolve(name.substring(name.indexOf(CLAIM_SEPARATOR) + 1)),
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put claimed files back into " + send, e);
        }
    }

    private void archive(Path claim, String name) {
        try {
            for (int n = 0; ; n++) {
                Path target = processed.resolve(n == 0 ? name : name + "." + n);
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    Files.move(claim, target);
                    return;
                } catch (FileAlreadyExistsException raced) {
                    // next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + name, e);
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    @Override
    public synchronized void close() {
        ledger.close();
    }
}
