package io.vitrine.customs.exchange;

import io.vitrine.customs.exchange.infra.DirectoryExchange;
import io.vitrine.customs.exchange.infra.DirectoryLayout;
import io.vitrine.customs.xml.XmlRejectedException;
import io.vitrine.kernel.time.ChinaTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryExchangeTest {

    private static final int LIMIT = 16 << 20;
    private final Clock clock = ChinaTime.systemClock();

    @TempDir
    Path root;

    private DirectoryExchange exchange() {
        return new DirectoryExchange(DirectoryLayout.under(root), Duration.ofMinutes(10), LIMIT, clock);
    }

    @Test
    void a_sent_message_appears_in_the_send_folder_under_its_type_and_guid() throws Exception {
        DxpMessage message = Messages.order(Messages.newGuid());

        exchange().send(message);

        Path file = root.resolve("send").resolve("CEB311Message_" + message.transInfo().copMsgId() + ".xml");
        assertEquals(message, DxpEnvelope.read(Files.readAllBytes(file), LIMIT));
        assertEquals(List.of(file), files(root.resolve("send")));
        assertEquals(List.of(), files(root.resolve("work").resolve("writing")));
    }

    @Test
    void a_retried_send_replaces_the_same_file_instead_of_adding_a_second_message() throws Exception {
        String guid = Messages.newGuid();
        DirectoryExchange exchange = exchange();

        exchange.send(Messages.order(guid, "<first/>".getBytes(StandardCharsets.UTF_8)));
        exchange.send(Messages.order(guid, "<retry/>".getBytes(StandardCharsets.UTF_8)));

        List<Path> sent = files(root.resolve("send"));
        assertEquals(1, sent.size());
        assertArrayEquals("<retry/>".getBytes(StandardCharsets.UTF_8), DxpEnvelope.read(Files.readAllBytes(sent.get(0)), LIMIT).data());
    }

    @Test
    void the_send_folder_never_shows_a_partially_written_file() throws Exception {
        DirectoryExchange exchange = exchange();
        Path send = root.resolve("send");
        byte[] large = new byte[3 << 20]; // ~4 MB of Base64: a non-atomic write would be seen half-way
        java.util.Arrays.fill(large, (byte) 'x');
        List<String> guids = Stream.generate(Messages::newGuid).limit(4).toList();
        Set<String> finalNames = guids.stream().map(g -> "CEB311Message_" + g + ".xml").collect(Collectors.toSet());

        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<String> incomplete = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger reads = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch watching = new CountDownLatch(2);
        ExecutorService observers = Executors.newFixedThreadPool(2);
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            send.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            Future<?> watch = observers.submit(() -> {
                watching.countDown();
                while (!done.get()) {
                    WatchKey key = watcher.poll(50, TimeUnit.MILLISECONDS);
                    if (key != null) {
                        for (WatchEvent<?> event : key.pollEvents()) {
                            events.add(event.kind().name() + " " + event.context());
                        }
                        key.reset();
                    }
                }
                return null;
            });
            Future<?> reader = observers.submit(() -> {
                watching.countDown();
                while (!done.get()) {
                    for (Path file : files(send)) {
                        try {
                            DxpEnvelope.read(Files.readAllBytes(file), LIMIT);
                            reads.incrementAndGet();
                        } catch (XmlRejectedException partial) {
                            incomplete.add(file.getFileName() + ": " + partial.getMessage());
                        }
                    }
                }
                return null;
            });
            watching.await();
            for (int round = 0; round < 3; round++) {
                for (String guid : guids) {
                    exchange.send(Messages.order(guid, large));
                }
            }
            Thread.sleep(300); // let the last events arrive
            done.set(true);
            watch.get(10, TimeUnit.SECONDS);
            reader.get(10, TimeUnit.SECONDS);
        } finally {
            observers.shutdownNow();
        }

        assertEquals(List.of(), incomplete);
        assertTrue(reads.get() > 0, "the reader saw no file at all");
        assertFalse(events.isEmpty());
        for (String event : events) {
            // rename(2) shows up as a single creation of the final name: never a temporary name, never a write in progress
            assertTrue(event.startsWith("ENTRY_CREATE ") && finalNames.contains(event.substring("ENTRY_CREATE ".length())), event);
        }
        assertEquals(finalNames, files(send).stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
    }

    @Test
    void a_handled_receipt_moves_to_the_archive_of_the_day_and_is_not_handed_out_again() throws Exception {
        Path receive = root.resolve("receive");
        DirectoryExchange exchange = exchange();
        Files.writeString(receive.resolve("CEB622Message_1.xml"), "<CEB622Message/>");
        List<InboundMessage> handled = new ArrayList<>();

        assertEquals(1, exchange.pickUp(10, handled::add));
        assertEquals(0, exchange.pickUp(10, handled::add));

        assertEquals(1, handled.size());
        assertEquals("CEB622Message_1.xml", handled.get(0).name());
        assertArrayEquals("<CEB622Message/>".getBytes(StandardCharsets.UTF_8), handled.get(0).content());
        assertEquals(List.of(), files(receive));
        Path archived = root.resolve("archive").resolve(ChinaTime.today(clock).toString()).resolve("CEB622Message_1.xml");
        assertEquals("<CEB622Message/>", Files.readString(archived));
    }

    @Test
    void a_receipt_whose_handler_fails_is_put_back_for_a_later_pick_up() throws Exception {
        Path receive = root.resolve("receive");
        DirectoryExchange exchange = exchange();
        Files.writeString(receive.resolve("CEB312Message_1.xml"), "<CEB312Message/>");

        assertEquals(0, exchange.pickUp(10, m -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals(List.of(receive.resolve("CEB312Message_1.xml")), files(receive));

        List<String> handled = new ArrayList<>();
        assertEquals(1, exchange.pickUp(10, m -> handled.add(m.name())));
        assertEquals(List.of("CEB312Message_1.xml"), handled);
    }

    @Test
    void a_receipt_with_the_same_name_as_an_archived_one_is_archived_beside_it() throws Exception {
        Path receive = root.resolve("receive");
        DirectoryExchange exchange = exchange();
        Files.writeString(receive.resolve("r.xml"), "<one/>");
        exchange.pickUp(10, m -> { });
        Files.writeString(receive.resolve("r.xml"), "<two/>");
        exchange.pickUp(10, m -> { });

        Path day = root.resolve("archive").resolve(ChinaTime.today(clock).toString());
        assertEquals("<one/>", Files.readString(day.resolve("r.xml")));
        assertEquals("<two/>", Files.readString(day.resolve("r.xml.1")));
    }

    @Test
    void a_claim_abandoned_by_a_crashed_instance_goes_back_after_the_timeout() throws Exception {
        Path receive = root.resolve("receive");
        DirectoryExchange crashing = exchange();
        Files.writeString(receive.resolve("r.xml"), "<r/>");
        assertThrows(OutOfMemoryError.class, () -> crashing.pickUp(1, m -> {
            throw new OutOfMemoryError("simulated crash mid-handling"); // an Error is not a handler failure: the claim stays
        }));
        assertEquals(List.of(), files(receive));

        List<String> handled = new ArrayList<>();
        new DirectoryExchange(DirectoryLayout.under(root), Duration.ofMinutes(10), LIMIT, clock).pickUp(10, m -> handled.add(m.name()));
        assertEquals(List.of(), handled, "still within the claim timeout");

        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(11)), ChinaTime.ZONE);
        new DirectoryExchange(DirectoryLayout.under(root), Duration.ofMinutes(10), LIMIT, later).pickUp(10, m -> handled.add(m.name()));
        assertEquals(List.of("r.xml"), handled);
    }

    @Test
    void concurrent_pickers_hand_each_receipt_to_exactly_one_handler() throws Exception {
        Path receive = root.resolve("receive");
        exchange(); // creates the folders
        int receipts = 300;
        for (int i = 0; i < receipts; i++) {
            Files.writeString(receive.resolve("CEB622Message_" + i + ".xml"), "<CEB622Message n=\"" + i + "\"/>");
        }
        Map<String, AtomicInteger> handledCount = new ConcurrentHashMap<>();
        int pickers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(pickers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int p = 0; p < pickers; p++) {
            DirectoryExchange instance = exchange(); // one per "instance", sharing the folders
            results.add(pool.submit(() -> {
                start.await();
                int total = 0;
                int picked;
                do {
                    picked = instance.pickUp(7, m -> handledCount.computeIfAbsent(m.name(), k -> new AtomicInteger()).incrementAndGet());
                    total += picked;
                } while (picked > 0 || !files(receive).isEmpty());
                return total;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> result : results) {
            total += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(receipts, total);
        assertEquals(receipts, handledCount.size());
        assertTrue(handledCount.values().stream().allMatch(c -> c.get() == 1),
                "handled twice: " + handledCount.entrySet().stream().filter(e -> e.getValue().get() != 1).toList());
        assertEquals(receipts, files(root.resolve("archive").resolve(ChinaTime.today(clock).toString())).size());
        assertEquals(List.of(), files(root.resolve("work").resolve("claimed")));
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
