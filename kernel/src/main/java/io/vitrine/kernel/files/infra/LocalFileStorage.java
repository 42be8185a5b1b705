package io.vitrine.kernel.files.infra;

import io.vitrine.kernel.id.Ids;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.vitrine.kernel.files.CheckedUpload;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileIntake;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.files.StoredFile;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Files in a local folder, for the embedded single-instance mode:
 * {@code <vitrine.data-dir>/files/<tenant>/<last two characters of the id>/<id>} with its
 * description next to it in {@code <id>.json}. Every write lands by an atomic rename, so a crash
 * never leaves a half-written file under a real id.
 */
@Singleton
@Requires(property = "vitrine.files.backend", value = "local", defaultValue = "local")
class LocalFileStorage implements FileStorage {

    private final Path root;
    private final Path incoming;
    private final FileIntake intake;
    private final JsonMapper json;
    private final Clock clock;
    private final Ids ids;

    LocalFileStorage(@Property(name = "vitrine.data-dir", defaultValue = "./data") String dataDir,
                     FileIntake intake, JsonMapper json, Clock clock, Ids ids) {
        this.ids = ids;
        this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("files");
        this.incoming = root.resolve(".incoming");
        this.intake = intake;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public StoredFile store(TenantId tenant, String category, String filename, String declaredContentType,
                            InputStream content) {
        try (CheckedUpload upload = intake.check(category, filename, declaredContentType, content, incoming)) {
            StoredFile file = new StoredFile(ids.nextId(), upload.category(), upload.filename(),
                    upload.format().contentType(), upload.size(), upload.sha256(), clock.instant());
            Path folder = folder(tenant, file.id());
            Files.createDirectories(folder);
            Files.move(upload.spooled(), folder.resolve(file.id()), StandardCopyOption.ATOMIC_MOVE);
            // the description goes last: a file without one does not exist for open()
            Path description = Files.createTempFile(incoming, "description-", ".json");
            Files.write(description, json.writeValueAsBytes(file));
            Files.move(description, folder.resolve(file.id() + ".json"), StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a " + category + " file", e);
        }
    }

    @Override
    public Optional<FileContent> open(TenantId tenant, String id) {
        if (!isFileId(id)) {
            return Optional.empty();
        }
        Path folder = folder(tenant, id);
        try {
            StoredFile file = json.readValue(Files.readAllBytes(folder.resolve(id + ".json")), StoredFile.class);
            return Optional.of(new FileContent(file, Files.newInputStream(folder.resolve(id))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open file " + id, e);
        }
    }

    @Override
    public boolean delete(TenantId tenant, String id) {
        if (!isFileId(id)) {
            return false;
        }
        Path folder = folder(tenant, id);
        try {
            boolean existed = Files.deleteIfExists(folder.resolve(id + ".json"));
            Files.deleteIfExists(folder.resolve(id));
            return existed;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete file " + id, e);
        }
    }

    /** Ids are UUIDv7s; their last (random) characters vary most, so they spread files over 256 folders. */
    private Path folder(TenantId tenant, String id) {
        return root.resolve(tenant.value()).resolve(id.substring(id.length() - 2));
    }

    /** Anything else could be a path ("../x") and is simply not a file here. */
    private static boolean isFileId(String id) {
        try {
            return id != null && id.length() == 36 && UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
