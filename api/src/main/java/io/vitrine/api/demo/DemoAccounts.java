package io.vitrine.api.demo;

/**
 * The demo's sign-ins: fixed and published in README.md, because the demo exists to be tried. Never
 * seeded in cluster mode ({@code vitrine.demo.enabled} is off there).
 */
final class DemoAccounts {

    static final String PARK_SLUG = "demo-park";
    static final String RETAILER_SLUG = "demo-shop";

    static final String PLATFORM_ADMIN = "platform.admin";
    static final String PLATFORM_ADMIN_PASSWORD = "demo-platform-2026";
    static final String PARK_ADMIN = "park.admin";
    static final String PARK_ADMIN_PASSWORD = "demo-park-2026";
    static final String RETAILER_ADMIN = "retail.admin";
    static final String RETAILER_ADMIN_PASSWORD = "demo-retail-2026";
    static final String STORE_MANAGER = "store.manager";
    static final String STORE_MANAGER_PASSWORD = "demo-store-2026";

    private DemoAccounts() {
    }
}
