package io.vitrine.kernel.files;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.KernelContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default: files under {@code <vitrine.data-dir>/files}; no database in this context. */
class LocalFileStorageTest extends FileStorageContract {

    @TempDir
    static Path dataDir;

    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = new HashMap<>(KernelContexts.fileCategories());
        properties.put("vitrine.data-dir", dataDir.toString());
        properties.put(KernelContexts.FIXTURES, true);
        properties.put("vitrine.outbox.polling-enabled", false);
        context = KernelContexts.start(properties);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Override
    protected FileStorage storage() {
        return context.getBean(FileStorage.class);
    }

    @Test
    void files_live_in_the_tenants_folder_under_the_data_dir_and_no_upload_is_left_behind() throws Exception {
        TenantId tenant = TenantId.of("local-tenant");

        StoredFile stored = storage().store(tenant, "licence", "l.pdf", "application/pdf",
                new ByteArrayInputStream(SampleFiles.pdf()));

        Path folder = dataDir.resolve("files").resolve("local-tenant").resolve(stored.id().substring(34));
        assertThat(folder.resolve(stored.id())).hasBinaryContent(SampleFiles.pdf());
        assertThat(folder.resolve(stored.id() + ".json")).exists();
        try (var incoming = Files.list(dataDir.resolve("files").resolve(".incoming"))) {
            assertThat(incoming).isEmpty();
        }
    }
}
