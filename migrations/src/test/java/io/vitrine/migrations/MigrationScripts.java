package io.vitrine.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The scripts this module ships, read from the test classpath, in the order Flyway applies them. */
final class MigrationScripts {

    static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    private MigrationScripts() {
    }

    static List<Path> files() {
        URL folder = MigrationScripts.class.getResource("/db/migration");
        if (folder == null) {
            throw new IllegalStateException("db/migration is not on the test classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.sorted(Comparator.comparingLong(MigrationScripts::version)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** File name -> SQL, ordered by version (V10 after V9). */
    static SortedMap<String, String> byVersion() {
        SortedMap<String, String> scripts = new TreeMap<>(Comparator.comparingLong(MigrationScripts::version));
        for (Path file : files()) {
            try {
                scripts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scripts;
    }

    static long version(Path file) {
        return version(file.getFileName().toString());
    }

    static long version(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }
}
