package io.vitrine.customs.exchange.infra;

import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.exchange.ExchangeChannel;
import io.vitrine.customs.exchange.ExchangeUnavailableException;
import io.vitrine.customs.exchange.InboundMessage;
import io.vitrine.customs.exchange.ReceiptInbox;
import io.vitrine.kernel.time.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The directory exchange with the single-window client.
 *
 * <p>Sending: the envelope is written and synced under a temporary name in the work folder, then renamed
 * atomically into the send folder under {@link DxpMessage#fileName()}: the client never sees a partial
 * file, and a retry replaces the same file instead of adding a second message.
 *
 * <p>Receiving: a file is claimed by an atomic rename out of the receive folder into the work folder
 * under a unique name; of several pickers (threads or instances sharing the folders) only one rename
 * succeeds, so each receipt is handled once. Handled files move to {@code archive/<China day>/}; a failed
 * handler puts the file back. Claims left by a crashed instance go back after {@code claimTimeout}.
 */
public final class DirectoryExchange implements ExchangeChannel, ReceiptInbox {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryExchange.class);
    private static final String CLAIM_SEPARATOR = "~";

    private final DirectoryLayout layout;
    private final Path writing;
    private final Path claimed;
    private final Path rejected;
    private final Duration claimTimeout;
    private final int maxReceiptBytes;
    private final Clock clock;

    public DirectoryExchange(DirectoryLayout layout, Duration claimTimeout, int maxReceiptBytes, Clock clock) {
        this.layout = layout;
        this.writing = layout.work().resolve("writing");
        this.claimed = layout.work().resolve("claimed");
        this.rejected = layout.archive().resolve("rejected");
        this.claimTimeout = claimTimeout;
        this.maxReceiptBytes = maxReceiptBytes;
        this.clock = clock;
        try {
            for (Path dir : List.of(layout.send(), layout.receive(), layout.archive(), writing, claimed, rejected)) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the exchange folders under " + layout, e);
        }
    }

    @Override
    public void send(DxpMessage message) {
        byte[] envelope = DxpEnvelope.write(message);
        Path temporary = writing.resolve(message.fileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(envelope);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // rename(2): atomic, and it replaces an earlier attempt of the same message
            Files.move(temporary, layout.send().resolve(message.fileName()), StandardCopyOption.ATOMIC_MOVE);
            LOG.info("customs message {} written for the single-window client", message.fileName());
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new ExchangeUnavailableException("cannot write " + message.fileName() + " to " + layout.send(), e);
        }
    }

    @Override
    public int pickUp(int max, Handler handler) {
        releaseAbandonedClaims();
        int handled = 0;
        for (Path file : waiting(max)) {
            if (handled >= max) {
                break;
            }
            String name = file.getFileName().toString();
            // the claim time is in the name: a file's own mtime is its arrival, and setting it after the
            // rename would leave a moment in which another instance takes a fresh claim for an abandoned one
            Path claim = claimed.resolve(clock.millis() + CLAIM_SEPARATOR + UUID.randomUUID() + CLAIM_SEPARATOR + name);
            try {
                Files.move(file, claim, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException another) {
                continue; // another picker claimed it first
            } catch (IOException e) {
                throw new UncheckedIOException("cannot claim " + file, e);
            }
            if (handle(claim, name, handler)) {
                handled++;
            }
        }
        return handled;
    }

    private boolean handle(Path claim, String name, Handler handler) {
        byte[] content;
        try {
            if (Files.size(claim) > maxReceiptBytes) {
                LOG.warn("received file {} is larger than {} bytes: moved to {}", name, maxReceiptBytes, rejected);
                moveUnique(claim, rejected, name);
                return false;
            }
            content = Files.readAllBytes(claim);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + claim, e);
        }
        try {
            handler.handle(new InboundMessage(name, content));
        } catch (RuntimeException e) {
            LOG.warn("received file {} could not be handled, left for a later pick-up: {}", name, e.toString());
            moveBack(claim, name);
            return false;
        }
        try {
            moveUnique(claim, layout.archive().resolve(ChinaTime.today(clock).toString()), name);
        } catch (IOException e) {
            // handled already: leaving it claimed would hand it out again after the timeout
            throw new UncheckedIOException("handled " + name + " but cannot archive it", e);
        }
        return true;
    }

    /** Oldest first, skipping dot-files and temporary names the client may be writing. */
    private List<Path> waiting(int max) {
        try (Stream<Path> files = Files.list(layout.receive())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".tmp") && !p.getFileName().toString().endsWith(".part"))
                    // each time read once: other pickers move files away while we sort, and a key that
                    // changed mid-sort would break the comparator's contract
                    .map(p -> new Waiting(p, modified(p)))
                    .sorted(Comparator.comparing(Waiting::modified).thenComparing(w -> w.file().getFileName()))
                    .limit(Math.max(max, 0) * 2L + 16) // some may be taken by other pickers meanwhile
                    .map(Waiting::file)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layout.receive(), e);
        }
    }

    private record Waiting(Path file, FileTime modified) {
    }

    private void releaseAbandonedClaims() {
        try (Stream<Path> claims = Files.list(claimed)) {
            for (Path claim : claims.toList()) {
                String[] parts = claim.getFileName().toString().split(CLAIM_SEPARATOR, 3);
                if (parts.length != 3 || !parts[0].matches("[0-9]{1,19}")) {
                    continue; // not one of our claims
                }
                if (Instant.ofEpochMilli(Long.parseLong(parts[0])).plus(claimTimeout).isBefore(clock.instant())) {
                    LOG.warn("claim of {} abandoned for over {}: put back", parts[2], claimTimeout);
                    moveBack(claim, parts[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + claimed, e);
        }
    }

    private void moveBack(Path claim, String name) {
        try {
            Files.move(claim, layout.receive().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            // another instance released it first
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put " + name + " back into " + layout.receive(), e);
        }
    }

    /** Moves into a folder keeping the name, or name.1, name.2… if the same name arrived before. */
    private static void moveUnique(Path file, Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        for (int n = 0; ; n++) {
            Path target = folder.resolve(n == 0 ? name : name + "." + n);
            if (Files.exists(target)) {
                continue;
            }
            try {
                // no ATOMIC_MOVE here: it would silently replace a same-named file archived meanwhile
                Files.move(file, target);
                return;
            } catch (FileAlreadyExistsException raced) {
                // try the next suffix
            }
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray .part file in our own work folder is harmless
        }
    }
}
