package io.vitrine.customs.simulator;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.customs.paymentdata.ImmediateAnswer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Customs' side of the "179" request: a form post of {@code openReq} ({@code {orderNo, sessionID, serviceTime}}) to
 * the platform's endpoint, with the shared secret the platform expects of customs, and the platform's immediate
 * answer read back.
 */
final class PaymentDataRequester {

    static final String TOKEN_HEADER = "X-Customs-Token";
    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    @Serdeable
    record OpenReq(String orderNo, String sessionID, long serviceTime) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @throws IllegalStateException when the platform cannot be reached or does not answer as the interface says */
    ImmediateAnswer ask(URI endpoint, String token, OpenReq request) {
        try {
            String form = "openReq=" + URLEncoder.encode(JSON.writeValueAsString(request), StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header(TOKEN_HEADER, token)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the platform answered HTTP " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readValue(response.body(), ImmediateAnswer.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the platform's 179 endpoint " + endpoint + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + endpoint, e);
        }
    }
}
