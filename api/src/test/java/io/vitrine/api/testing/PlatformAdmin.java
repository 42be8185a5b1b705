package io.vitrine.api.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The first platform admin every test application starts with, from {@code vitrine.admin.*} as an
 * operator would set VITRINE_ADMIN_USERNAME / _PASSWORD.
 */
public final class PlatformAdmin {

    public static final String USERNAME = "platform-admin";
    public static final String PASSWORD = "test-platform-admin-password";

    private PlatformAdmin() {
    }

    static Map<String, Object> properties() {
        return Map.of("vitrine.admin.username", USERNAME, "vitrine.admin.password", PASSWORD);
    }

    static Map<String, Object> with(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putAll(properties());
        return all;
    }
}
