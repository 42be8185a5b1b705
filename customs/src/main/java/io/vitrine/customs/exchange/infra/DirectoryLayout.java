package io.vitrine.customs.exchange.infra;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The folders of a directory exchange. All four must be on one file system: files move between them
 * by atomic rename.
 *
 * @param send    where the single-window client picks up our messages
 * @param receive where it drops customs' receipts
 * @param archive where handled receipts go, one sub-folder per China day
 * @param work    ours alone: messages being written, receipts being handled
 */
public record DirectoryLayout(Path send, Path receive, Path archive, Path work) {

    public DirectoryLayout {
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(receive, "receive");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(work, "work");
    }

    /** {@code root/send}, {@code root/receive}, {@code root/archive}, {@code root/work}. */
    public static DirectoryLayout under(Path root) {
        return new DirectoryLayout(root.resolve("send"), root.resolve("receive"), root.resolve("archive"), root.resolve("work"));
    }
}
