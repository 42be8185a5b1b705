package io.vitrine.tenants.devices;

import java.util.Optional;

/**
 * The order of a fleet listing ({@code ?sort=}): by store code then device key (the default), or by last seen —
 * the longest silent first ({@code lastSeen}, never-seen devices before all) or the latest first
 * ({@code -lastSeen}); ties by device key, so paging is stable.
 */
public enum FleetSort {
    STORE("store"), LAST_SEEN("lastSeen"), LAST_SEEN_DESC("-lastSeen");

    private final String word;

    FleetSort(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<FleetSort> ofWord(String word) {
        for (FleetSort sort : values()) {
            if (sort.word.equals(word)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
