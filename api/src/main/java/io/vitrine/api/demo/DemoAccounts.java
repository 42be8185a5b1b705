package io.vitrine.api.demo;

/**
 * The demo's sign-ins: fixed and published in README.md, because the demo exists to be tried. Never
 * seeded in cluster mode ({@code vitrine.demo.enabled} is off there).
 */
final class DemoAccounts {

    static final String PARK_SLUG = "demo-park";
    static final String RETAILER_SLUG = "demo-shop";
    /** The retailer's customs registration code and legal name (its application; the seller of its declarations). */
    static final String RETAILER_CUSTOMS_CODE = "4403960002";
    static final String RETAILER_LEGAL_NAME = "海淘优选零售有限公司";

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
