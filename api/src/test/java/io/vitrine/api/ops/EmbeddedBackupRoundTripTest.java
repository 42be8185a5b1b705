package io.vitrine.api.ops;

import io.micronaut.json.JsonMapper;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.tenants.devices.signing.RequestSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded backup round trip (issue #10 "Personal data"): a demo instance with its own generated keys sells a
 * tin at the counter (the buyer's data encrypted with those keys), is refused a backup while it runs, is stopped and
 * backed up, and the archive is restored into another directory, where a new instance signs the same staff in, shows
 * the order with the buyer's masked name (the keys came back: the data decrypts) and finds the product in its
 * restored Lucene index.
 */
class EmbeddedBackupRoundTripTest {

    @TempDir
    Path work;

    private final DataDirectoryArchive archive = new DataDirectoryArchive(Clock.systemUTC());

    @Test
    void a_stopped_instance_backed_up_and_restored_elsewhere_answers_as_before() throws Exception {
        Path original = work.resolve("original");
        Path backup = work.resolve("backups/vitrine.zip");
        Map<String, Object> demo = Map.of("vitrine.demo.enabled", true);
        String orderNo;
        String orderBefore;
        try (RunningVitrine vitrine = RunningVitrine.startOn(original, demo)) {
            TenantsApi api = new TenantsApi(vitrine);
            String admin = api.login("retail.admin", "demo-retail-2026");
            orderNo = counterSale(vitrine, api, admin);
            orderBefore = api.expect(200, api.get("/api/v1/orders/" + orderNo, admin)).get("buyer").toString();
            assertThat(orderBefore).contains("张*");

            assertThatThrownBy(() -> archive.backup(original, backup)).isInstanceOf(DataDirectoryException.class)
                    .hasMessageContaining("running");
            assertThat(backup).doesNotExist();
        }
        assertThat(original.resolve("keys")).isDirectory(); // generated: no keys came from the configuration

        DataDirectoryArchive.Summary taken = archive.backup(original, backup);
        assertThat(taken.files()).isGreaterThan(3);
        Path restored = work.resolve("restored");
        DataDirectoryArchive.Summary back = archive.restore(backup, restored, false);
        assertThat(back.files()).isEqualTo(taken.files());
        assertThat(back.bytes()).isEqualTo(taken.bytes());

        try (RunningVitrine vitrine = RunningVitrine.startOn(restored, demo)) {
            TenantsApi api = new TenantsApi(vitrine);
            String admin = api.login("retail.admin", "demo-retail-2026");
            assertThat(api.expect(200, api.get("/api/v1/orders/" + orderNo, admin)).get("buyer").toString())
                    .isEqualTo(orderBefore);
            HttpResponse<String> search = vitrine.get("/s/demo-shop/api/search?q=%E5%A5%B6%E7%B2%89");
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(search.headers().firstValue("X-Search-Degraded")).as("answered by the restored index").isEmpty();
            assertThat(search.body()).contains("A2-FORMULA-900");

            assertThatThrownBy(() -> archive.restore(backup, restored, true))
                    .isInstanceOf(DataDirectoryException.class).hasMessageContaining("running");
        }
        assertThatThrownBy(() -> archive.restore(backup, restored, false))
                .isInstanceOf(DataDirectoryException.class).hasMessageContaining("not empty");
        DataDirectoryArchive.Summary replaced = archive.restore(backup, restored, true);
        assertThat(replaced.movedAside()).isDirectory();
        assertThat(replaced.movedAside().resolve("db/vitrine.mv.db")).isRegularFile();
    }

    @Test
    void an_archive_that_is_not_ours_or_would_write_outside_the_directory_is_refused_and_nothing_is_written()
            throws Exception {
        Path target = work.resolve("target");
        Path slip = work.resolve("slip.zip");
        try (OutputStream out = Files.newOutputStream(slip); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(DataDirectoryArchive.MANIFEST));
            zip.write(("format=" + DataDirectoryArchive.FORMAT + "\ntaken-at=2026-12-01T00:00:00Z\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            zip.putNextEntry(new ZipEntry("data/db/vitrine.mv.db"));
            zip.write(new byte[]{1});
            zip.putNextEntry(new ZipEntry("data/../escaped.txt"));
            zip.write(new byte[]{1});
        }
        assertThatThrownBy(() -> archive.restore(slip, target, false)).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining("unsafe entry");
        assertThat(work.resolve("escaped.txt")).doesNotExist();
        assertThat(target).doesNotExist();

        Path foreign = work.resolve("foreign.zip");
        try (OutputStream out = Files.newOutputStream(foreign); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("data/db/vitrine.mv.db"));
            zip.write(new byte[]{1});
        }
        assertThatThrownBy(() -> archive.restore(foreign, target, false)).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining("not a Vitrine backup");
        Files.writeString(work.resolve("text.zip"), "not a zip at all");
        assertThatThrownBy(() -> archive.restore(work.resolve("text.zip"), target, false))
                .isInstanceOf(DataDirectoryException.class);
        assertThat(target).doesNotExist();
        assertThatThrownBy(() -> archive.backup(work.resolve("nothing-here"), work.resolve("b.zip")))
                .isInstanceOf(DataDirectoryException.class).hasMessageContaining("no embedded database");
        assertThat(BackupCommand.run(List.of("backup"))).isEqualTo(2);
        assertThat(BackupCommand.run(List.of("restore", target.toString(), foreign.toString()))).isEqualTo(1);
    }

    /** A POS of S002 sells a tin of formula to an identified buyer (the demo's counter sale): its order number. */
    private static String counterSale(RunningVitrine vitrine, TenantsApi api, String admin) throws Exception {
        Map<String, Object> pos = api.expect(201, api.post("/api/v1/devices", admin,
                Map.of("storeCode", "S002", "kind", "POS")));
        byte[] body = vitrine.bean(JsonMapper.class).writeValueAsBytes(Map.of(
                "lines", List.of(Map.of("sku", "A2-FORMULA-900", "qty", 1)), "payment", "BARCODE", "consent", true,
                "buyer", Map.of("name", "张三", "idNumber", "440305199001011256", "phone", "13800138000"),
                "consignee", Map.of("name", "张三", "phone", "13800138000", "districtCode", "440305",
                        "address", "广东省深圳市南山区南海大道 2008 号")));
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri("/pos/v1/orders"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                .header("Idempotency-Key", "backup-counter-1");
        new RequestSigner(vitrine.bean(Clock.class)).sign((String) pos.get("deviceKey"),
                        ((String) pos.get("secret")).getBytes(StandardCharsets.UTF_8), "POST", "/pos/v1/orders", body)
                .asMap().forEach(request::header);
        return (String) api.expect(201, vitrine.send(request.build())).get("orderNo");
    }
}
