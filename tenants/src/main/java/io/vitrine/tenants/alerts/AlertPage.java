package io.vitrine.tenants.alerts;

import java.util.List;

/** One page of alerts, newest first, and how many match in all. */
public record AlertPage(List<Alert> items, long total) {
}
