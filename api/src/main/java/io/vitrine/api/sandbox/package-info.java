/**
 * The embedded mode's built-in Alipay sandbox (architecture.md "Two runtime modes"; api.md
 * {@code POST /sandbox/alipay/trades/{orderNo}/pay}): the fake gateway of {@code tools/fake-alipay} on loopback,
 * sandbox apps for tenants that have not set up Alipay, and the endpoint that plays the shopper's phone. Present
 * only while {@code vitrine.payments.alipay.sandbox.enabled} is true (the embedded default).
 */
package io.vitrine.api.sandbox;
