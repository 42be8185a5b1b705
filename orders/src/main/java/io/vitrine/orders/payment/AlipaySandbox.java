package io.vitrine.orders.payment;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Optional;

/**
 * The embedded mode's stand-in for the Alipay open platform (architecture.md "Two runtime modes": a sandbox
 * gateway on loopback, driven through the real SDK). Present as a bean only while
 * {@code vitrine.payments.alipay.sandbox.enabled} is true. A tenant that has not set up Alipay at all pays
 * through a sandbox app of its own; a tenant with its own app or an app_auth_token always keeps those and the
 * configured gateway: the sandbox never stands in for real credentials.
 */
public interface AlipaySandbox {

    /** The sandbox gateway the SDK calls for sandbox apps. */
    String gatewayUrl();

    /** Where the sandbox posts its notifies: this server's notify endpoint, once the server listens. */
    Optional<String> notifyUrl();

    /** The tenant's sandbox app, registered with the sandbox gateway on first use. */
    SandboxApp appFor(TenantId tenant);

    /**
     * A sandbox app: its id, the private key our SDK client signs with (Base64 PKCS#8) and the sandbox
     * gateway's public key, which verifies its answers and notifies.
     */
    record SandboxApp(String appId, String privateKey, String alipayPublicKey) {
        @Override
        public String toString() {
            return "SandboxApp[" + appId + "]"; // never the private key
        }
    }
}
