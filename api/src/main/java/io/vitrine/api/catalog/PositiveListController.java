package io.vitrine.api.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.catalog.positivelist.PositiveList;
import io.vitrine.catalog.positivelist.PositiveListEntry;
import io.vitrine.catalog.positivelist.PositiveListImport;
import io.vitrine.kernel.codes.HsCode;
import io.vitrine.kernel.tabular.TabularFormat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The positive list (api.md): the platform admin replaces it as a whole with a CSV or XLSX file (the body
 * itself, or a multipart part {@code file}); anyone signed in looks an HS code up. A file with any bad row
 * is refused whole (400 naming each row, field and rule) and the list stays as it was.
 */
@Controller("/api/v1/positive-list")
@ExecuteOn(TaskExecutors.BLOCKING)
class PositiveListController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PositiveList positiveList;

    PositiveListController(PositiveList positiveList) {
        this.positiveList = positiveList;
    }

    @Put(consumes = {"text/csv", XLSX})
    @Secured("PLATFORM_ADMIN")
    Replaced replace(HttpRequest<?> request, @Body byte[] body, Authentication caller) {
        TabularFormat format = request.getContentType().filter(type -> XLSX.equals(type.getName()))
                .map(type -> TabularFormat.XLSX).orElse(TabularFormat.CSV);
        return Replaced.of(positiveList.replace(StaffClaims.actorOf(caller), new ByteArrayInputStream(body), format));
    }

    @Put(consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured("PLATFORM_ADMIN")
    Replaced replaceFromForm(@Part("file") CompletedFileUpload file, Authentication caller) {
        TabularFormat format = TabularFormat.named(file.getFilename())
                .or(() -> file.getContentType().filter(type -> XLSX.equals(type.getName())).map(type -> TabularFormat.XLSX))
                .orElse(TabularFormat.CSV);
        try (InputStream content = file.getInputStream()) {
            return Replaced.of(positiveList.replace(StaffClaims.actorOf(caller), content, format));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 200 for any well-formed code: {@code positiveList} says whether it is on the list; 400 for a malformed one. */
    @Get("/{hsCode}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Lookup lookup(@PathVariable String hsCode) {
        HsCode code = HsCode.parse(hsCode);
        Optional<PositiveListEntry> entry = positiveList.find(code);
        return new Lookup(code.value(), entry.isPresent(), entry.map(PositiveListEntry::description).orElse(null),
                entry.map(PositiveListEntry::note).orElse(null));
    }

    @Serdeable
    record Replaced(String version, int entryCount, Instant importedAt) {
        static Replaced of(PositiveListImport done) {
            return new Replaced(done.id(), done.entryCount(), done.importedAt());
        }
    }

    @Serdeable
    record Lookup(String hsCode, boolean positiveList, @Nullable String description, @Nullable String note) {
    }
}
