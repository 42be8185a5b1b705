package io.vitrine.api.catalog;

import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.catalog.transfer.ProductColumns;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Product files and the import/export calls, for the tests. */
public final class ProductImports {

    public static final String HEADER = String.join(",", ProductColumns.HEADER);

    private final RunningVitrine vitrine;
    private final TenantsApi api;

    public ProductImports(RunningVitrine vitrine, TenantsApi api) {
        this.vitrine = vitrine;
        this.api = api;
    }

    /** The cells of a bonded tin of infant formula, in {@link #HEADER} order. */
    public static List<String> cells(String sku, String gtin, String warehouse, long priceFen) {
        return new ArrayList<>(Arrays.asList(sku, gtin, "澳洲 A2 婴儿配方奶粉 900g", "A2 infant formula 900g", "a2",
                "母婴/奶粉/婴儿奶粉", CatalogSamples.FORMULA_HS, "100001", "601", "122", "035", "0.9", "", "", "1.2", "0.9",
                "0.13", "0", "0.15", "1210", warehouse, Long.toString(priceFen), "", "适合 0-6 个月婴儿",
                "For babies of 0-6 months"));
    }

    public static String line(String sku, String gtin, String warehouse, long priceFen) {
        return String.join(",", cells(sku, gtin, warehouse, priceFen));
    }

    /** The line with one column's cell replaced. */
    public static String line(List<String> cells, String column, String value) {
        List<String> changed = new ArrayList<>(cells);
        changed.set(ProductColumns.HEADER.indexOf(column), value);
        return String.join(",", changed);
    }

    public static byte[] csv(List<String> lines) {
        return csv(HEADER, lines, StandardCharsets.UTF_8);
    }

    /** The header then the lines, CRLF as Excel writes it. */
    public static byte[] csv(String header, List<String> lines, Charset charset) {
        return (header + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    public HttpResponse<String> upload(String token, String filename, String contentType, byte[] content) {
        return api.uploadBy("POST", "/api/v1/products:import", filename, contentType, content, TenantsApi.bearer(token));
    }

    /**
     * The upload with its content streamed from {@code content} ({@code size} bytes), never held whole: for
     * files of tens of megabytes.
     */
    public HttpResponse<String> upload(String token, String filename, String contentType, long size,
                                       java.util.function.Supplier<java.io.InputStream> content) {
        String boundary = "vitrine-product-import-boundary-Q2w";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri("/api/v1/products:import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                                new java.io.ByteArrayInputStream(head), content.get(),
                                new java.io.ByteArrayInputStream(tail))))), head.length + size + tail.length));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return vitrine.send(request.build());
    }

    /** Status, content type and body of an answer read off a plain socket. */
    public record RawAnswer(int status, String contentType, String body) {
    }

    /**
     * Sends only the headers of an import declaring {@code contentLength} bytes of body, and reads the answer
     * without sending any of it (a server waiting for the body would time the read out: the test then fails).
     */
    public RawAnswer declareOnly(String token, long contentLength) throws IOException {
        java.net.URI uri = vitrine.uri("/api/v1/products:import");
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: multipart/form-data; boundary=vitrine-boundary"
                    + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            String contentType = "";
            int length = -1;
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring(13).strip();
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            char[] body = new char[Math.max(length, 0)];
            int read = 0;
            while (read < body.length) {
                int n = in.read(body, read, body.length - read);
                if (n == -1) {
                    break;
                }
                read += n;
            }
            return new RawAnswer(status, contentType, new String(body, 0, read));
        }
    }

    public String submit(String token, String filename, byte[] content) {
        String type = filename.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
        return (String) api.expect(202, upload(token, filename, type, content)).get("jobId");
    }

    /** Waits for the job to finish (the application's own runner runs it) and returns it as clients see it. */
    public Map<String, Object> finished(String jobId, String token) {
        long giveUp = System.nanoTime() + 600_000_000_000L; // a hang guard, not a timing assertion
        while (true) {
            Map<String, Object> job = api.expect(200, api.get("/api/v1/jobs/" + jobId, token));
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("status"))) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s never finished: %s", jobId, job).isLessThan(giveUp);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Map<String, Object> imported(String token, byte[] csv) {
        return finished(submit(token, "products.csv", csv), token);
    }

    public Map<String, Object> imported(String token, String filename, byte[] content) {
        return finished(submit(token, filename, content), token);
    }

    public HttpResponse<byte[]> export(String token, String format) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri("/api/v1/products:export?format=" + format)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return vitrine.sendBytes(request.build());
    }

    /** "row field RULE" of each error of a job, in order. */
    @SuppressWarnings("unchecked")
    public static List<String> errors(Map<String, Object> job) {
        return ((List<Map<String, Object>>) job.get("errors")).stream()
                .map(e -> e.get("row") + " " + e.get("field") + " " + String.valueOf(e.get("message")).split(":")[0])
                .toList();
    }
}
