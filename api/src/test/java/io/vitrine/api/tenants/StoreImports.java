package io.vitrine.api.tenants;

import io.vitrine.api.testing.RunningVitrine;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the bulk store import over HTTP as a retailer's tool would: builds store files, uploads them to
 * {@code POST /api/v1/stores:import}, follows the job and downloads its credentials file.
 */
final class StoreImports {

    static final String HEADER = "code,name,kind,address,district,lat,lng,warehouseCode,kiosks,pos";

    private final RunningVitrine vitrine;
    private final TenantsApi api;

    StoreImports(RunningVitrine vitrine, TenantsApi api) {
        this.vitrine = vitrine;
        this.api = api;
    }

    /** One credential of the downloaded file. */
    record Credential(long row, String storeCode, String kind, String deviceKey, String secret, String pairingCode) {
    }

    /** A CSV line of a convenience store served from the warehouse, with coordinates in Shenzhen. */
    static String store(String code, String warehouse, int kiosks, int pos) {
        return code + ",Store " + code + ",CONVENIENCE_STORE,1 Qianhai Rd,440305,22.543096,113.934021," + warehouse + ","
                + kiosks + "," + pos;
    }

    /** A UTF-8 CSV: the header then the lines, CRLF as Excel writes it. */
    static byte[] csv(String header, List<String> lines) {
        return csv(header, lines, StandardCharsets.UTF_8);
    }

    static byte[] csv(String header, List<String> lines, Charset charset) {
        return (header + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    HttpResponse<String> upload(String token, String filename, String contentType, byte[] content) {
        return api.uploadBy("POST", "/api/v1/stores:import", filename, contentType, content, TenantsApi.bearer(token));
    }

    /** Uploads a CSV and returns the job's id. */
    String submit(String token, byte[] csv) {
        Map<String, Object> accepted = api.expect(202, upload(token, "stores.csv", "text/csv", csv));
        return (String) accepted.get("jobId");
    }

    /** Waits for the job to finish (the application's own runner runs it) and returns it as clients see it. */
    Map<String, Object> finished(String jobId, String token) {
        long giveUp = System.nanoTime() + 600_000_000_000L; // a hang guard, not a timing assertion
        while (true) {
            Map<String, Object> job = api.expect(200, api.get("/api/v1/jobs/" + jobId, token));
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("status"))) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s never finished: %s", jobId, job).isLessThan(giveUp);
            sleep();
        }
    }

    /** Submits and waits. */
    Map<String, Object> imported(String token, byte[] csv) {
        return finished(submit(token, csv), token);
    }

    HttpResponse<byte[]> download(String jobId, String token) {
        return vitrine.sendBytes(HttpRequest.newBuilder(vitrine.uri("/api/v1/jobs/" + jobId + "/result")).GET()
                .header("Authorization", "Bearer " + token).build());
    }

    /** The credentials in a downloaded file (UTF-8 with BOM, CRLF; no cell holds a comma or a quote). */
    static List<Credential> credentials(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<String> lines = new ArrayList<>(Arrays.asList(text.substring(1).split("\r\n")));
        assertThat(lines.remove(0)).isEqualTo("row,storeCode,kind,deviceKey,secret,pairingCode");
        return lines.stream().filter(l -> !l.isEmpty()).map(line -> {
            String[] cells = line.split(",", -1);
            return new Credential(Long.parseLong(cells[0]), cells[1], cells[2], cells[3], cells[4], cells[5]);
        }).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
