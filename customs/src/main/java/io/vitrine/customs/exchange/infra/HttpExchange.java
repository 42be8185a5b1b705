package io.vitrine.customs.exchange.infra;

import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.exchange.ExchangeChannel;
import io.vitrine.customs.exchange.ExchangeRejectedException;
import io.vitrine.customs.exchange.ExchangeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts the DXP envelope to a configured URL with the JDK's HTTP client. Every attempt carries the same
 * body and an {@code X-Message-Id} header (the CopMsgId), so the receiver can recognise a repeat.
 * Transport failures, timeouts, 408, 429 and 5xx are retried up to {@code attempts} times with a growing
 * pause, then reported as {@link ExchangeUnavailableException}; any other non-2xx is a refusal.
 */
public final class HttpExchange implements ExchangeChannel {

    private static final Logger LOG = LoggerFactory.getLogger(HttpExchange.class);

    private final HttpExchangeSettings settings;
    private final HttpClient client;

    public HttpExchange(HttpExchangeSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(DxpMessage message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/xml; charset=UTF-8")
                .header("X-Message-Id", message.transInfo().copMsgId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(DxpEnvelope.write(message)));
        if (settings.authorization() != null && !settings.authorization().isBlank()) {
            request.header("Authorization", settings.authorization());
        }
        HttpRequest built = request.build();
        Exception last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                pause(settings.backoff().multipliedBy(attempt - 1));
            }
            try {
                HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    LOG.info("customs message {} posted (attempt {})", message.fileName(), attempt);
                    return;
                }
                if (status != 408 && status != 429 && status < 500) {
                    throw new ExchangeRejectedException("the exchange refused " + message.fileName() + " with HTTP " + status
                            + ": " + abbreviated(response.body()));
                }
                last = new IOException("HTTP " + status);
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExchangeUnavailableException("interrupted while posting " + message.fileName(), e);
            }
            LOG.warn("posting customs message {} failed (attempt {} of {}): {}", message.fileName(), attempt, settings.attempts(), last.toString());
        }
        throw new ExchangeUnavailableException("cannot post " + message.fileName() + " to " + settings.url()
                + " after " + settings.attempts() + " attempts", last);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException("interrupted between attempts", e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    /**
     * @param authorization the Authorization header value, if the endpoint wants one (a secret)
     */
    public record HttpExchangeSettings(URI url, Duration connectTimeout, Duration requestTimeout, int attempts,
                                       Duration backoff, String authorization) {

        public HttpExchangeSettings {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
        }

        @Override
        public String toString() {
            return "HttpExchangeSettings[" + url + ", attempts=" + attempts + "]"; // never the authorization
        }
    }
}
