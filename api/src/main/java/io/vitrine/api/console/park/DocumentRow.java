package io.vitrine.api.console.park;

import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.tenants.onboarding.ApplicationDocument;

/** A document of an application under review; images are previewed on the page. */
public record DocumentRow(String id, String filename, String contentType, long sizeKb, String uploadedAt,
                          boolean image) {

    static DocumentRow of(ApplicationDocument d) {
        return new DocumentRow(d.id(), d.filename(), d.contentType(), Math.max(1, (d.sizeBytes() + 1023) / 1024),
                ChinaTimeText.of(d.uploadedAt()), d.contentType().startsWith("image/"));
    }
}
