package io.vitrine.api.console;

import io.vitrine.api.testing.RunningVitrine;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's side of the console over plain HTTP: HTML forms sent as a browser sends them from our own
 * pages ({@code Sec-Fetch-Site: same-origin}), the sign-in cookie kept and sent back. Redirects are not
 * followed, so tests see them.
 */
final class ConsoleClient {

    static final String COOKIE = "vitrine_staff";
    static final String ANOTHER_SITE = "http://localhost:1";

    private final RunningVitrine vitrine;
    private String cookie;

    ConsoleClient(RunningVitrine vitrine) {
        this.vitrine = vitrine;
    }

    /** Signs in on the login page; fails the test unless it worked. */
    static ConsoleClient signedIn(RunningVitrine vitrine, String username, String password) {
        ConsoleClient client = new ConsoleClient(vitrine);
        HttpResponse<String> answer = client.signIn(username, password, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return client;
    }

    HttpResponse<String> signIn(String username, String password, String next) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        if (next != null) {
            form.put("next", next);
        }
        HttpResponse<String> answer = post("/console/login", form);
        answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(COOKIE + "="))
                .findFirst()
                .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return answer;
    }

    String cookie() {
        return cookie;
    }

    HttpResponse<String> get(String path) {
        return vitrine.send(request(path).GET().build());
    }

    HttpResponse<byte[]> download(String path) {
        return vitrine.sendBytes(request(path).GET().build());
    }

    /** A form sent from one of our pages. */
    HttpResponse<String> post(String path, Map<String, String> form) {
        return vitrine.send(form(path, form).header("Sec-Fetch-Site", "same-origin").build());
    }

    /** A form with repeated names (checkboxes), as name, value, name, value... */
    HttpResponse<String> postFields(String path, List<String> namesAndValues) {
        String body = IntStream.range(0, namesAndValues.size() / 2)
                .mapToObj(i -> encode(namesAndValues.get(2 * i)) + "=" + encode(namesAndValues.get(2 * i + 1)))
                .collect(Collectors.joining("&"));
        return vitrine.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * The same form, sent by another site's page in a browser with Fetch Metadata. Its origin is another
     * port of localhost: the test server listens on localhost, where Micronaut's own drive-by-localhost
     * guard would answer any non-localhost origin first, and the test wants our guard to decide.
     */
    HttpResponse<String> postFromAnotherSite(String path, Map<String, String> form) {
        return vitrine.send(form(path, form).header("Sec-Fetch-Site", "cross-site")
                .header("Origin", ANOTHER_SITE).build());
    }

    /** A JSON write as a page's fetch() sends it, signed in by the cookie only. */
    HttpResponse<String> fetch(String method, String path, String json, String site) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (site != null) {
            request.header("Sec-Fetch-Site", site);
        }
        return vitrine.send(request.build());
    }

    private HttpRequest.Builder form(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
