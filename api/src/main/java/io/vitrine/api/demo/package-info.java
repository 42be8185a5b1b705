/**
 * The embedded demo ({@code vitrine.demo.enabled}, on by default in embedded mode, off in cluster mode):
 * a park, a retailer with stores, kiosks, a POS and staff, seeded once through the same use cases a
 * person would go through, with the credentials printed at start-up (README.md lists them).
 */
package io.vitrine.api.demo;
