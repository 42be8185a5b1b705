package io.vitrine.catalog.search.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The search folder: physical indexes {@code index-1}, {@code index-2}, ... and the file {@code current}
 * naming the one searches use. A rebuild writes the next folder and replaces {@code current} by an atomic
 * rename, so after a crash the index is either wholly the old or wholly the new one; folders that are not
 * current (a rebuild cut short, an old index not yet removed) are deleted on opening.
 */
final class LuceneIndexFolder {

    private static final String CURRENT = "current";

    private final Path root;

    LuceneIndexFolder(Path root) {
        this.root = root;
    }

    Path current() throws IOException {
        Files.createDirectories(root);
        Path pointer = root.resolve(CURRENT);
        if (!Files.exists(pointer)) {
            makeCurrent(root.resolve("index-1"));
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        return root.resolve(name);
    }

    Path next() throws IOException {
        int highest = 0;
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.matches("index-\\d+")) {
                    highest = Math.max(highest, Integer.parseInt(name.substring(6)));
                }
            }
        }
        return root.resolve("index-" + (highest + 1));
    }

    void makeCurrent(Path generation) throws IOException {
        Path temporary = root.resolve(CURRENT + ".tmp");
        Files.writeString(temporary, generation.getFileName().toString(), StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void deleteAllBut(Path keep) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                if (child.getFileName().toString().matches("index-\\d+") && !child.equals(keep)) {
                    delete(child);
                }
            }
        }
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) {
                Files.deleteIfExists(p);
            }
        }
    }
}
