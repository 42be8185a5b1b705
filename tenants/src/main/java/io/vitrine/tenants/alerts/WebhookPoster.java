package io.vitrine.tenants.alerts;

import java.net.URI;
import java.util.Map;

/** Posts a JSON body to a tenant's webhook (implemented in {@code infra}: timeouts, no redirects, address policy). */
public interface WebhookPoster {

    WebhookOutcome post(URI url, String json, Map<String, String> headers);

    /** What came of one post. */
    sealed interface WebhookOutcome {
    }

    /** The receiver answered 2xx. */
    record Delivered(int status) implements WebhookOutcome {
    }

    /**
     * Not worth retrying: the address is not allowed ({@code sent} false), or the receiver answered 3xx/4xx (but
     * 408, 429).
     */
    record Refused(String reason, boolean sent) implements WebhookOutcome {
    }

    /** Worth retrying: 5xx, 408, 429, a timeout, a connection that failed. */
    record Failed(String reason) implements WebhookOutcome {
    }
}
