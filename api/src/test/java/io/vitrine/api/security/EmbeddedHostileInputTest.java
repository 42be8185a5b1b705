package io.vitrine.api.security;

import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;

import java.util.Map;

class EmbeddedHostileInputTest extends HostileInputSuite {

    @Override
    RunningVitrine start(Map<String, Object> properties) {
        return OwnVitrine.embedded(properties);
    }
}
