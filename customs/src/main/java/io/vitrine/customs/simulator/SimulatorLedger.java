package io.vitrine.customs.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's durable memory: {@code ledger.jsonl}, one flat JSON object per line (string values only), appended
 * and synced before the simulator acts on it. Lines: {@code received} (guid, type, orderNo, verdict, file),
 * {@code planned} (one receipt to send: {@link PlannedReceipt}) and {@code answered} (receiptGuid). On start the file
 * is replayed: a restarted simulator knows every guid it received and every receipt it already sent.
 */
public final class SimulatorLedger implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final List<Map<String, String>> entries = new ArrayList<>();
    private final FileOutputStream file;

    public SimulatorLedger(Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            if (Files.exists(path)) {
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        entries.add(parse(line)); // a torn last line (crash mid-write) fails loudly here
                    }
                }
            }
            file = new FileOutputStream(path.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the simulator ledger " + path, e);
        }
    }

    public synchronized List<Map<String, String>> entries() {
        return List.copyOf(entries);
    }

    public synchronized void append(Map<String, String> entry) {
        Map<String, String> copy = new LinkedHashMap<>(entry);
        try {
            file.write((format(copy) + "\n").getBytes(StandardCharsets.UTF_8));
            file.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the simulator ledger", e);
        }
        entries.add(copy);
    }

    @Override
    public synchronized void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(Map<String, String> entry) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, String> field : entry.entrySet()) {
                if (field.getValue() != null) {
                    json.writeStringField(field.getKey(), field.getValue());
                }
            }
            json.writeEndObject();
        }
        return out.toString();
    }

    private static Map<String, String> parse(String line) throws IOException {
        Map<String, String> entry = new LinkedHashMap<>();
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a ledger line: " + line);
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                entry.put(name, json.getValueAsString());
            }
        }
        return entry;
    }
}
