package io.vitrine.api.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code ./vitrine backup [file]} and {@code ./vitrine restore <file> [--replace]} on the embedded data directory
 * ({@code VITRINE_DATA_DIR}, default {@code ./data}), run from the application's jar:
 * {@code java -cp vitrine.jar io.vitrine.api.ops.BackupCommand backup|restore <data-dir> <file> [--replace]}.
 * Exit status 0 when done, 1 when refused (the reason on standard error), 2 for wrong arguments.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        if (args.size() < 3 || !List.of("backup", "restore").contains(args.get(0))
                || (args.size() == 4 && !"--replace".equals(args.get(3))) || args.size() > 4) {
            System.err.println("usage: BackupCommand backup <data-dir> <file> | restore <data-dir> <file> [--replace]");
            return 2;
        }
        DataDirectoryArchive archive = new DataDirectoryArchive(Clock.systemUTC());
        Path dataDir = Path.of(args.get(1));
        Path file = Path.of(args.get(2));
        try {
            if (args.get(0).equals("backup")) {
                DataDirectoryArchive.Summary done = archive.backup(dataDir, file);
                System.out.printf("backed up %s: %d files, %d bytes, to %s%n", done.dataDir(), done.files(),
                        done.bytes(), done.archive());
            } else {
                DataDirectoryArchive.Summary done = archive.restore(file, dataDir, args.size() == 4);
                System.out.printf("restored %s (taken %s): %d files, %d bytes, into %s%s%n", done.archive(),
                        done.takenAt(), done.files(), done.bytes(), done.dataDir(),
                        done.movedAside() == null ? "" : "; the previous directory is " + done.movedAside());
            }
            return 0;
        } catch (DataDirectoryException refused) {
            System.err.println("refused: " + refused.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            System.err.println("failed: " + e);
            return 1;
        }
    }
}
