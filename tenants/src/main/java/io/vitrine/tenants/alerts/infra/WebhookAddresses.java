package io.vitrine.tenants.alerts.infra;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook addresses may be posted to (SSRF: the URL is set by a tenant). Unless private addresses are allowed
 * ({@code vitrine.alerts.webhook.allow-private-addresses}, for tests and a machine's own receiver), every address
 * the host resolves to must be public: not loopback, unspecified, link-local (cloud metadata at 169.254.169.254),
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), benchmarking (198.18/15),
 * IETF protocol (192.0.0/24) or multicast. The JDK client resolves the name again when it connects, so a name
 * whose answer changes in between (DNS rebinding) is not stopped here: a production egress proxy or firewall is
 * the complete answer.
 */
final class WebhookAddresses {

    private final boolean allowPrivate;

    WebhookAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why this URL may not be posted to; empty when it may. */
    Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http(s) webhooks are posted to");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("the webhook URL has no host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (!isPublic(address)) {
                    return Optional.of("the webhook host resolves to a non-public address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty(); // not resolvable now: the post fails and is retried (DNS may be down)
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                      // "this network"
                    && !(first == 100 && second >= 64 && second < 128)   // carrier-grade NAT
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && first < 240;                                 // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
