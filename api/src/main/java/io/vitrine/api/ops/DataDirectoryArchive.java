package io.vitrine.api.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The backup of an embedded instance: its whole data directory — the H2 database, the Lucene index, uploaded files,
 * the generated keys and secrets (without them the encrypted personal data and the sessions could not be read back),
 * the customs simulator's and the Alipay sandbox's ledgers — in one zip with a manifest, taken while the instance is
 * stopped, so every part is of the same moment (a running instance holds the database's file lock: refused, nothing
 * written). A restore unpacks it into a directory that is empty or absent; with {@code replace}, the current one is
 * first moved aside to {@code <dir>.before-restore-<time>}, never deleted. An archive not made by this class, or an
 * entry that would land outside the directory, is refused before anything is written.
 */
public final class DataDirectoryArchive {

    static final String MANIFEST = "vitrine-backup.properties";
    static final String FORMAT = "vitrine-embedded-data-1";
    private static final String DATA = "data/";
    private static final String DATABASE = "db/vitrine";

    private final Clock clock;

    public DataDirectoryArchive(Clock clock) {
        this.clock = clock;
    }

    /** What a backup or restore did. */
    public record Summary(Path archive, Path dataDir, int files, long bytes, Instant takenAt, Path movedAside) {
    }

    /**
     * Writes the data directory to the archive (replaced if it exists, through a temporary file).
     *
     * @throws DataDirectoryException the directory is missing, is not an instance's, or its instance is running
     */
    public Summary backup(Path dataDir, Path archive) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(DATABASE + ".mv.db"))) {
            throw new DataDirectoryException("no embedded database in " + dir + " (expected " + DATABASE + ".mv.db)");
        }
        requireStopped(dir);
        Instant takenAt = clock.instant();
        Path target = archive.toAbsolutePath().normalize();
        if (target.startsWith(dir)) {
            throw new DataDirectoryException("the archive must be written outside the data directory " + dir);
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), ".vitrine-backup-", ".zip.part");
        int files = 0;
        long bytes = 0;
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
            Properties manifest = new Properties();
            manifest.setProperty("format", FORMAT);
            manifest.setProperty("taken-at", takenAt.toString());
            manifest.setProperty("data-dir", dir.toString());
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "Vitrine embedded backup");
            zip.closeEntry();
            for (Path file : filesOf(dir)) {
                zip.putNextEntry(new ZipEntry(DATA + dir.relativize(file).toString().replace('\\', '/')));
                bytes += Files.copy(file, zip);
                zip.closeEntry();
                files++;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(target, dir, files, bytes, takenAt, null);
    }

    /**
     * Unpacks the archive into the data directory.
     *
     * @param replace move a non-empty directory aside first; without it, a non-empty directory is refused
     * @throws DataDirectoryException not a Vitrine backup, an unsafe entry, a non-empty directory, a running instance
     */
    public Summary restore(Path archive, Path dataDir, boolean replace) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Properties manifest = check(archive, dir);
        Path movedAside = null;
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!replace) {
                throw new DataDirectoryException(dir + " is not empty: restore into an empty directory, or add "
                        + "--replace to move it aside first");
            }
            requireStopped(dir);
            movedAside = dir.resolveSibling(dir.getFileName() + ".before-restore-"
                    + clock.instant().toString().replace(':', '-'));
            Files.move(dir, movedAside);
        }
        Files.createDirectories(dir);
        int files = 0;
        long bytes = 0;
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || !entry.getName().startsWith(DATA)) {
                    continue;
                }
                Path file = inside(dir, entry.getName().substring(DATA.length()));
                Files.createDirectories(file.getParent());
                bytes += Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
                files++;
            }
        }
        return new Summary(archive.toAbsolutePath(), dir, files, bytes,
                Instant.parse(manifest.getProperty("taken-at")), movedAside);
    }

    /** The manifest, after every entry was checked: nothing is written for an archive that fails. */
    private static Properties check(Path archive, Path dir) throws IOException {
        Properties manifest = null;
        boolean database = false;
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(MANIFEST)) {
                    manifest = new Properties();
                    manifest.load(new java.io.InputStreamReader(zip, StandardCharsets.ISO_8859_1));
                } else if (entry.getName().startsWith(DATA)) {
                    inside(dir, entry.getName().substring(DATA.length()));
                    database |= entry.getName().equals(DATA + DATABASE + ".mv.db");
                } else if (!entry.isDirectory()) {
                    throw new DataDirectoryException("not a Vitrine backup: unexpected entry " + entry.getName());
                }
            }
        } catch (java.util.zip.ZipException notZip) {
            throw new DataDirectoryException("not a Vitrine backup: " + notZip.getMessage());
        }
        if (manifest == null || !FORMAT.equals(manifest.getProperty("format"))
                || manifest.getProperty("taken-at") == null) {
            throw new DataDirectoryException("not a Vitrine backup: no " + MANIFEST + " of format " + FORMAT);
        }
        if (!database) {
            throw new DataDirectoryException("not a Vitrine backup: it holds no " + DATABASE + ".mv.db");
        }
        return manifest;
    }

    /** The entry's place in the directory; one that would land outside it (zip slip) is refused. */
    private static Path inside(Path dir, String name) {
        Path file = dir.resolve(name).normalize();
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || !file.startsWith(dir) || file.equals(dir)) {
            throw new DataDirectoryException("unsafe entry in the archive: " + name);
        }
        return file;
    }

    /**
     * Refuses when an instance has the database open: H2 holds a lock on its file for as long as it is open (another
     * process's lock makes {@code tryLock} answer null; this process's, an overlapping-lock error).
     */
    private static void requireStopped(Path dir) {
        Path database = dir.resolve(DATABASE + ".mv.db");
        if (!Files.isRegularFile(database)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw running(dir);
            }
            lock.release();
        } catch (OverlappingFileLockException held) {
            throw running(dir);
        } catch (IOException e) {
            throw new DataDirectoryException("cannot check whether Vitrine is running on " + dir + ": " + e.getMessage());
        }
    }

    private static DataDirectoryException running(Path dir) {
        return new DataDirectoryException("Vitrine is running on " + dir + ": stop it first (the backup is of one "
                + "moment, taken while nothing writes)");
    }

    private static List<Path> filesOf(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().endsWith(".lock.db"))
                    .filter(file -> !file.getFileName().toString().endsWith(".trace.db"))
                    .sorted().toList());
            return files;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
