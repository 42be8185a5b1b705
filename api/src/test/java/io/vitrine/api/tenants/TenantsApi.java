package io.vitrine.api.tenants;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.vitrine.api.testing.PlatformAdmin;
import io.vitrine.api.testing.RunningVitrine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the tenants endpoints over real HTTP as clients would (JSON in and out, the wire as it is),
 * and builds the parks and merchants other tests start from. Everything it creates is unique.
 */
public final class TenantsApi {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<RunningVitrine, String> PLATFORM_ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private final RunningVitrine vitrine;
    private final JsonMapper json;

    public TenantsApi(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.json = vitrine.bean(JsonMapper.class);
    }

    public RunningVitrine vitrine() {
        return vitrine;
    }

    // ---- raw calls

    public HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null);
    }

    public HttpResponse<String> post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public HttpResponse<String> put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    public HttpResponse<String> send(String method, String path, String token, Object body) {
        return send(method, path, token, body, new String[0]);
    }

    /** With extra headers, name and value in turn ({@code "Idempotency-Key", key}). */
    public HttpResponse<String> send(String method, String path, String token, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
            if (!method.equals("GET")) {
                request.header("Content-Type", "application/json");
            }
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return vitrine.send(request.build());
    }

    /** The Authorization header's name and value for a bearer token, or no header for none. */
    public static String[] bearer(String token) {
        return token == null ? new String[0] : new String[] {"Authorization", "Bearer " + token};
    }

    /** A multipart upload of one part named {@code file}. */
    public HttpResponse<String> upload(String path, String applicationToken, String filename, String contentType, byte[] content) {
        return upload(path, applicationToken, filename, contentType, content, new String[0]);
    }

    /** With extra headers, name and value in turn. */
    public HttpResponse<String> upload(String path, String applicationToken, String filename, String contentType, byte[] content,
                                       String... headers) {
        return uploadBy("POST", path, filename, contentType, content, applicationToken == null ? headers
                : java.util.stream.Stream.concat(java.util.stream.Stream.of("X-Application-Token", applicationToken),
                        java.util.Arrays.stream(headers)).toArray(String[]::new));
    }

    /** A multipart upload of one part named {@code file} by this method (PUT for a replaced file), with headers. */
    public HttpResponse<String> uploadBy(String method, String path, String filename, String contentType, byte[] content,
                                       String... headers) {
        return uploadPart(method, path, "file", filename, contentType, content, headers);
    }

    /** A multipart upload of one part with this name. */
    public HttpResponse<String> uploadPart(String method, String path, String part, String filename, String contentType,
                                           byte[] content, String... headers) {
        String boundary = "vitrine-test-boundary-7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return vitrine.send(request.build());
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> json(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** Asserts the status and returns the JSON body. */
    public Map<String, Object> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s -> %s", response.request().uri(), response.body()).isEqualTo(status);
        return json(response);
    }

    /** Asserts a problem+json answer with this status and returns it. */
    public Map<String, Object> expectProblem(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s -> %s", response.request().uri(), response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
        return json(response);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> listing) {
        return (List<Map<String, Object>>) listing.get("items");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> parent, String field) {
        return (Map<String, Object>) parent.get(field);
    }

    // ---- steps of the onboarding workflow

    public String login(String username, String password) {
        Map<String, Object> answer = expect(200, post("/api/v1/auth/login", null,
                Map.of("username", username, "password", password)));
        return (String) answer.get("accessToken");
    }

    /**
     * Signed in once per application: every test class asks for it, and sign-in is rate limited per
     * account like any other.
     */
    public String platformAdminToken() {
        return PLATFORM_ADMIN_TOKENS.computeIfAbsent(vitrine, v -> login(PlatformAdmin.USERNAME, PlatformAdmin.PASSWORD));
    }

    public Map<String, Object> parkRequest(String slug) {
        Map<String, Object> park = new LinkedHashMap<>();
        park.put("slug", slug);
        park.put("name", "Park " + slug);
        park.put("uscc", SampleCodes.uscc());
        park.put("customsCode", SampleCodes.customsCode());
        park.put("customsPlace", "Qianhai customs");
        park.put("customsAreaCode", "5349");
        return park;
    }

    public Map<String, Object> applicationRequest(String slug) {
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("legalName", "Merchant " + slug + " Co., Ltd.");
        application.put("uscc", SampleCodes.uscc());
        application.put("customsCode", SampleCodes.customsCode());
        application.put("kind", "RETAILER");
        application.put("slug", slug);
        application.put("contactName", "王小明");
        application.put("contactPhone", "13800138000");
        application.put("email", "ops@" + slug + ".example.cn");
        return application;
    }

    /** Accepts an invitation with a fresh username; returns {username, password}. */
    public Account accept(String invitationToken, String usernamePrefix) {
        String username = SampleCodes.unique(usernamePrefix);
        String password = "pw-" + username + "-0123456789";
        expect(201, post("/api/v1/invitations/" + invitationToken + "/accept", null,
                Map.of("username", username, "password", password)));
        return new Account(username, password, login(username, password));
    }

    /** A park with its admin signed in. */
    public Park park() {
        String slug = SampleCodes.unique("park");
        Map<String, Object> created = expect(201, post("/api/v1/parks", platformAdminToken(), parkRequest(slug)));
        Account admin = accept((String) created.get("invitationToken"), "parkadmin");
        return new Park(slug, (String) object(created, "park").get("id"), admin);
    }

    /** An open application to the park, with a licence uploaded. */
    public Application apply(Park park) {
        String slug = SampleCodes.unique("shop");
        Map<String, Object> submitted = expect(201, post("/api/v1/parks/" + park.slug() + "/applications", null,
                applicationRequest(slug)));
        Application application = new Application(park, slug, (String) submitted.get("applicationId"),
                (String) submitted.get("applicationToken"));
        expect(201, upload(application.path() + "/documents", application.token(), "licence.pdf", "application/pdf",
                SampleCodes.pdf()));
        return application;
    }

    /** A merchant approved into the park, with its retailer admin signed in. */
    public Merchant merchant(Park park) {
        Application application = apply(park);
        Map<String, Object> approved = expect(200, post(application.path() + "/approve", park.admin().token(), null));
        Account admin = accept((String) approved.get("invitationToken"), "retailadmin");
        return new Merchant(park, application.slug(), (String) object(approved, "tenant").get("id"), admin, application);
    }

    public record Account(String username, String password, String token) {
    }

    public record Park(String slug, String id, Account admin) {
    }

    public record Application(Park park, String slug, String id, String token) {
        public String path() {
            return "/api/v1/parks/" + park.slug() + "/applications/" + id;
        }
    }

    public record Merchant(Park park, String slug, String id, Account admin, Application application) {
    }
}
