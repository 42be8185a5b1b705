package io.vitrine.customs.messages;

import java.time.Instant;
import java.util.Objects;

/**
 * The fields every declared head starts with: {@code guid} (36 characters, upper case), {@code appType},
 * {@code appTime} (written yyyyMMddHHmmss in China time, so whole seconds) and {@code appStatus}.
 */
public record AppHead(String guid, AppType appType, Instant appTime, AppStatus appStatus) {

    public AppHead {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(appType, "appType");
        Objects.requireNonNull(appTime, "appTime");
        Objects.requireNonNull(appStatus, "appStatus");
    }
}
