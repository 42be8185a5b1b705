package io.vitrine.tenants.alerts;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An alert to raise in the current tenant. The same {@code kind} and {@code subject} in one tenant is one alert:
 * raising it again changes nothing (a replayed notify).
 *
 * @param kind     a stable code, {@code [A-Z][A-Z0-9_]{2,63}}, e.g. {@code PAYMENT_AMOUNT_MISMATCH}
 * @param severity how urgent
 * @param subject  what it is about (the order number), 1-128 characters
 * @param message  for a human, 1-500 characters, never personal data (no names, ID numbers, phones, addresses)
 * @param details  up to 10 codes and numbers (keys ≤ 64, values ≤ 200 characters), never personal data
 */
public record NewAlert(String kind, AlertSeverity severity, String subject, String message,
                       Map<String, String> details) {

    public static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{2,63}");

    public NewAlert {
        Objects.requireNonNull(severity, "severity");
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("alert kind must match " + KIND + ": " + kind);
        }
        if (subject == null || subject.isBlank() || subject.length() > 128) {
            throw new IllegalArgumentException("alert subject must be 1-128 characters");
        }
        if (message == null || message.isBlank() || message.length() > 500) {
            throw new IllegalArgumentException("alert message must be 1-500 characters");
        }
        details = details == null ? Map.of() : new TreeMap<>(details);
        if (details.size() > 10 || details.entrySet().stream().anyMatch(e -> e.getKey().length() > 64
                || e.getValue() == null || e.getValue().length() > 200)) {
            throw new IllegalArgumentException("alert details: at most 10 entries, keys ≤ 64, values 0-200 characters");
        }
        details = Map.copyOf(details);
    }
}
