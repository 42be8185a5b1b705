package io.vitrine.api.catalog;

import io.vitrine.api.tenants.TenantsApi;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The positive-list upload as a client sends it: the CSV as the body, or a multipart part {@code file}. */
public final class PositiveListCalls {

    private PositiveListCalls() {
    }

    public static HttpResponse<String> putCsv(TenantsApi api, String token, String csv) {
        return putBody(api, token, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> putBody(TenantsApi api, String token, String contentType, byte[] body) {
        return putBody(api, "/api/v1/positive-list", token, contentType, body);
    }

    /** A file sent as the body of a PUT (the positive list, the categories). */
    static HttpResponse<String> putBody(TenantsApi api, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.vitrine().uri(path))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return api.vitrine().send(request.build());
    }

    static HttpResponse<String> putMultipart(TenantsApi api, String token, String filename, byte[] content) {
        return api.uploadBy("PUT", "/api/v1/positive-list", filename, "text/csv", content, TenantsApi.bearer(token));
    }
}
