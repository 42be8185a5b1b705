package io.vitrine.api.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.catalog.categories.Categories;
import io.vitrine.catalog.categories.Category;
import io.vitrine.kernel.tabular.TabularFormat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The platform's product categories: anyone signed in lists them (a product's {@code categoryPath} must be one);
 * the platform admin replaces the whole list with a CSV or XLSX (columns {@code path, nameZh, nameEn}), as the
 * positive list is replaced. A list leaving out a category some product has answers 422 {@code CATEGORY_IN_USE}.
 */
@Controller("/api/v1/categories")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Catalog")
class CategoriesController {

    private static final String XLSX = TabularFormat.XLSX.contentType();

    private final Categories categories;

    CategoriesController(Categories categories) {
        this.categories = categories;
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The known product categories, parents before their children")
    Listing<CategoryView> list() {
        return Listing.of(categories.list().stream().map(CategoryView::of).toList());
    }

    @Put(consumes = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Secured("PLATFORM_ADMIN")
    @Operation(summary = "Replace the category list (CSV or XLSX: path, nameZh, nameEn)")
    Listing<CategoryView> replace(HttpRequest<?> request, @Body byte[] body, Authentication caller) {
        TabularFormat format = request.getContentType().filter(type -> XLSX.equals(type.getName()))
                .map(type -> TabularFormat.XLSX).orElse(TabularFormat.CSV);
        return view(categories.replace(StaffClaims.actorOf(caller), new ByteArrayInputStream(body), format));
    }

    @Put(consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured("PLATFORM_ADMIN")
    Listing<CategoryView> replaceFromForm(@Part("file") CompletedFileUpload file, Authentication caller) {
        TabularFormat format = TabularFormat.named(file.getFilename())
                .or(() -> file.getContentType().filter(type -> XLSX.equals(type.getName())).map(type -> TabularFormat.XLSX))
                .orElse(TabularFormat.CSV);
        try (InputStream content = file.getInputStream()) {
            return view(categories.replace(StaffClaims.actorOf(caller), content, format));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Listing<CategoryView> view(List<Category> list) {
        return Listing.of(list.stream().map(CategoryView::of).toList());
    }

    @Serdeable
    record CategoryView(String path, String nameZh, @Nullable String nameEn, int depth, @Nullable String parentPath) {
        static CategoryView of(Category category) {
            return new CategoryView(category.path(), category.nameZh(), category.nameEn(), category.depth(),
                    category.parentPath());
        }
    }
}
