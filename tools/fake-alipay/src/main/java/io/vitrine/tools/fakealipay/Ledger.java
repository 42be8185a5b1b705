package io.vitrine.tools.fakealipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake's durable memory: an append-only file of JSON lines, one per request it answered and per
 * state change (app registered, trade snapshot, declaration). Each line is synced before the answer
 * goes out, so a killed process forgets nothing it confirmed; on start the state is the replay of
 * the file. Without a path the ledger only lives in memory (in-process use by tests).
 */
final class Ledger implements AutoCloseable {

    private final ObjectMapper json;
    private final List<JsonNode> entries = new ArrayList<>();
    private final FileOutputStream file;

    Ledger(ObjectMapper json, Path path) {
        this.json = json;
        try {
            if (path == null) {
                file = null;
                return;
            }
            Files.createDirectories(path.toAbsolutePath().getParent());
            if (Files.exists(path)) {
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        entries.add(json.readTree(line)); // a torn last line (crash mid-write) fails loudly here
                    }
                }
            }
            file = new FileOutputStream(path.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized List<JsonNode> entries() {
        return List.copyOf(entries);
    }

    synchronized void append(ObjectNode entry) {
        entries.add(entry);
        if (file == null) {
            return;
        }
        try {
            file.write((json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            file.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
