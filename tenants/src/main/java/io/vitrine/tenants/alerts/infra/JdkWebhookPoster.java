package io.vitrine.tenants.alerts.infra;

import io.micronaut.context.annotation.Value;
import io.vitrine.tenants.alerts.WebhookPoster;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Posts alerts with the JDK's HTTP client: a connect timeout and a whole-request timeout, redirects never followed
 * (a redirect could lead anywhere, the private network included), the address checked by {@link WebhookAddresses}.
 */
@Singleton
class JdkWebhookPoster implements WebhookPoster {

    private final HttpClient client;
    private final Duration timeout;
    private final WebhookAddresses addresses;

    JdkWebhookPoster(@Value("${vitrine.alerts.webhook.connect-timeout:3s}") Duration connectTimeout,
                     @Value("${vitrine.alerts.webhook.timeout:5s}") Duration timeout,
                     @Value("${vitrine.alerts.webhook.allow-private-addresses:false}") boolean allowPrivate) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.addresses = new WebhookAddresses(allowPrivate);
    }

    @Override
    public WebhookOutcome post(URI url, String json, Map<String, String> headers) {
        Optional<String> refusal = addresses.refusal(url);
        if (refusal.isPresent()) {
            return new Refused(refusal.get(), false);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Vitrine-Alerts/1")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return new Delivered(status);
            }
            if (status / 100 == 5 || status == 408 || status == 429) {
                return new Failed("HTTP " + status);
            }
            return new Refused("HTTP " + status, true);
        } catch (HttpTimeoutException e) {
            return new Failed("no answer within " + timeout);
        } catch (IOException e) {
            return new Failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted");
        }
    }
}
