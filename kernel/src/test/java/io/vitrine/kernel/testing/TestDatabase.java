package io.vitrine.kernel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The database of one shared test context (testing.md "Time budget": one context per mode, shared by the test
 * classes): H2 in MySQL mode in a file, or a fresh MariaDB database of this run; either way with a folder of its own
 * under target/ for what the context keeps on disk (the H2 file, a Lucene index…).
 *
 * @param folder {@code target/h2-<name>-…} or {@code target/mariadb-<name>-…}
 */
public record TestDatabase(String url, String user, String password, Path folder) {

    /** H2 in MySQL mode, its file in a new folder under target/. */
    public static TestDatabase h2(String name) {
        Path folder = folder("h2-" + name + "-");
        return new TestDatabase(TestServices.h2FileUrl(folder, name), "sa", "", folder);
    }

    /** A fresh MariaDB database of this run ({@link TestServices#freshMariaDbDatabase}). */
    public static TestDatabase mariaDb(String name) {
        return new TestDatabase(TestServices.freshMariaDbDatabase(name), TestServices.mariaDbUser(),
                TestServices.mariaDbPassword(), folder("mariadb-" + name + "-"));
    }

    /** The kernel context's properties on this database ({@link KernelContexts#databaseProperties}), to add to. */
    public Map<String, Object> properties() {
        return KernelContexts.databaseProperties(url, user, password);
    }

    private static Path folder(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
