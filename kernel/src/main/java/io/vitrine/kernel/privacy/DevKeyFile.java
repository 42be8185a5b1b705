package io.vitrine.kernel.privacy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * Embedded mode's keys, only with {@code vitrine.privacy.generate-dev-key: true}: random keys
 * created once in {@code <vitrine.data-dir>/keys/privacy-dev-keys.properties} (owner-only
 * permissions) and read back on every later start, so the embedded database stays readable across
 * restarts. They sit next to the data they protect, which is acceptable for a single-machine
 * trial and is why cluster mode never generates keys and must be given them.
 */
final class DevKeyFile {

    static final String LOCATION = "keys/privacy-dev-keys.properties";
    private static final String KEY_ID = "dev1";

    private DevKeyFile() {
    }

    static PersonalDataKeys loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(in);
            }
            return new PersonalDataKeys(Map.of(KEY_ID, stored.getProperty("encryption-key")), KEY_ID,
                    stored.getProperty("blind-index-key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the embedded-mode personal data keys at " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SecureRandom random = new SecureRandom();
        Properties keys = new Properties();
        keys.setProperty("encryption-key", randomKey(random));
        keys.setProperty("blind-index-key", randomKey(random));
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file); // Windows: the data directory's own permissions apply
        } catch (FileAlreadyExistsException raced) {
            return; // another instance on the same data dir created it first: use theirs
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            keys.store(out, "Vitrine embedded-mode personal data keys. Losing this file makes the stored personal data unreadable.");
        }
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
