package io.vitrine.kernel.files;

import io.vitrine.kernel.files.FileRejectedException.Reason;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link FileStorage} adapter does. The categories come from
 * {@code KernelContexts.fileCategories()}: licence (PDF, PNG, JPEG) and image (PNG, JPEG, WebP),
 * both at most 64 KiB.
 */
abstract class FileStorageContract {

    static final int LIMIT = 64 * 1024;

    private final TenantId tenant = TenantId.of("files-" + UUID.randomUUID().toString().substring(0, 8));
    private final TenantId otherTenant = TenantId.of("other-" + UUID.randomUUID().toString().substring(0, 8));

    protected abstract FileStorage storage();

    @Test
    void a_stored_file_reads_back_with_the_same_bytes_size_and_sha256() throws Exception {
        byte[] png = SampleFiles.png();

        StoredFile stored = storage().store(tenant, "licence", "business-licence.png", "image/png", new ByteArrayInputStream(png));

        assertThat(stored.size()).isEqualTo(png.length);
        assertThat(stored.sha256()).isEqualTo(sha256(png));
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.category()).isEqualTo("licence");
        try (FileContent opened = storage().open(tenant, stored.id()).orElseThrow()) {
            assertThat(opened.stream().readAllBytes()).isEqualTo(png);
            assertThat(opened.file()).isEqualTo(stored);
        }
    }

    @Test
    void pdf_png_jpeg_and_webp_are_recognised_by_their_bytes() {
        assertThat(store("licence", "application/pdf", SampleFiles.pdf()).contentType()).isEqualTo("application/pdf");
        assertThat(store("licence", "image/jpeg", SampleFiles.jpeg()).contentType()).isEqualTo("image/jpeg");
        assertThat(store("image", "image/png", SampleFiles.png()).contentType()).isEqualTo("image/png");
        assertThat(store("image", "image/webp", SampleFiles.webp()).contentType()).isEqualTo("image/webp");
    }

    @Test
    void csv_text_and_xlsx_packages_are_recognised_for_imports_and_exports() {
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        byte[] csv = "\uFEFF商品编码,名称\r\n6901234567892,奶粉\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] workbook = {'P', 'K', 3, 4, 20, 0, 8, 0, 8, 0, 0, 0, 1, 2, 3};

        assertThat(store("tabular", "text/csv", csv).contentType()).isEqualTo("text/csv");
        assertThat(store("tabular", xlsx, workbook).contentType()).isEqualTo(xlsx);
        assertRejected(Reason.CONTENT_NOT_AS_DECLARED, "tabular", "text/csv", workbook);
        assertRejected(Reason.CONTENT_NOT_AS_DECLARED, "tabular", "text/csv", new byte[]{'a', ',', 0, 1, 2});
        assertRejected(Reason.CONTENT_NOT_AS_DECLARED, "tabular", xlsx, csv);
    }

    @Test
    void a_file_whose_bytes_are_not_the_declared_type_is_refused() {
        assertRejected(Reason.CONTENT_NOT_AS_DECLARED, "licence", "application/pdf", SampleFiles.png());
        assertRejected(Reason.CONTENT_NOT_AS_DECLARED, "licence", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes());
    }

    @Test
    void a_type_the_category_does_not_allow_is_refused_even_when_genuine() {
        assertRejected(Reason.TYPE_NOT_ALLOWED, "licence", "image/webp", SampleFiles.webp());
        assertRejected(Reason.TYPE_NOT_ALLOWED, "image", "application/pdf", SampleFiles.pdf());
    }

    @Test
    void a_file_over_the_category_limit_is_refused_and_one_at_the_limit_is_kept() {
        assertRejected(Reason.TOO_LARGE, "licence", "application/pdf", SampleFiles.pdfOfSize(LIMIT + 1));

        assertThat(store("licence", "application/pdf", SampleFiles.pdfOfSize(LIMIT)).size()).isEqualTo(LIMIT);
    }

    @Test
    void empty_files_and_unknown_categories_are_refused() {
        assertRejected(Reason.EMPTY, "licence", "application/pdf", new byte[0]);
        assertRejected(Reason.UNKNOWN_CATEGORY, "tax-return", "application/pdf", SampleFiles.pdf());
    }

    @Test
    void another_tenant_can_neither_open_nor_delete_the_file() {
        StoredFile stored = store("licence", "application/pdf", SampleFiles.pdf());

        assertThat(storage().open(otherTenant, stored.id())).isEmpty();
        assertThat(storage().delete(otherTenant, stored.id())).isFalse();

        assertThat(storage().open(tenant, stored.id())).isPresent().get().satisfies(this::closeQuietly);
    }

    @Test
    void a_deleted_file_is_gone() {
        StoredFile stored = store("licence", "application/pdf", SampleFiles.pdf());

        assertThat(storage().delete(tenant, stored.id())).isTrue();

        assertThat(storage().open(tenant, stored.id())).isEmpty();
        assertThat(storage().delete(tenant, stored.id())).isFalse();
    }

    @Test
    void only_the_last_segment_of_the_clients_filename_is_kept() {
        StoredFile stored = storage().store(tenant, "licence", "C:\\fakepath\\..\\营业执照.pdf", "application/pdf",
                new ByteArrayInputStream(SampleFiles.pdf()));

        assertThat(stored.filename()).isEqualTo("营业执照.pdf");
    }

    @Test
    void unknown_and_malformed_ids_are_simply_not_found() {
        assertThat(storage().open(tenant, UUID.randomUUID().toString())).isEmpty();
        assertThat(storage().open(tenant, "../../../etc/passwd")).isEmpty();
        assertThat(storage().delete(tenant, "..")).isFalse();
    }

    private StoredFile store(String category, String contentType, byte[] content) {
        return storage().store(tenant, category, "upload", contentType, new ByteArrayInputStream(content));
    }

    private void assertRejected(Reason reason, String category, String contentType, byte[] content) {
        assertThatThrownBy(() -> store(category, contentType, content))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private void closeQuietly(FileContent content) {
        try {
            content.close();
        } catch (IOException ignored) {
            // test clean-up only
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
