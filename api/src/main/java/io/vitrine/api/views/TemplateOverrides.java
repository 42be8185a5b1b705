package io.vitrine.api.views;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Per-tenant storefront templates shipped by the platform operator (never uploaded by tenants, who change
 * variables only): {@code <vitrine.themes.overrides-dir>/<tenantSlug>/storefront/<view>.ftlh}, unset by
 * default. They run in their own Configuration with the same sandbox as ours ({@link SandboxedFreemarker}),
 * may import our layouts ({@code /layout/base.ftlh}), and render into a buffer first: an override that is
 * missing, does not parse or fails while rendering gives way to the default template, and the failure is
 * logged once per file version (its modification time and size) as one line with the tenant and view.
 */
@Singleton
final class TemplateOverrides {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateOverrides.class);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern VIEW = Pattern.compile("storefront/[a-z0-9-]+(/[a-z0-9-]+)*");
    private static final String EXTENSION = ".ftlh";

    @Nullable
    private final Path directory;
    @Nullable
    private final Configuration freemarker;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    TemplateOverrides(@Nullable @Value("${vitrine.themes.overrides-dir:}") String directory) {
        this.directory = directory == null || directory.isBlank() ? null : Path.of(directory).toAbsolutePath();
        this.freemarker = this.directory == null ? null : SandboxedFreemarker.configuration(loader(this.directory));
    }

    /**
     * The tenant's override of this storefront view rendered with this model, or empty: none configured,
     * none for this tenant and view, or it failed (logged; the caller renders the default).
     */
    Optional<String> render(String tenantSlug, String viewName, Locale locale, Map<String, Object> model) {
        if (freemarker == null || !SLUG.matcher(tenantSlug).matches() || !VIEW.matcher(viewName).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(tenantSlug).resolve(viewName + EXTENSION);
        String version = versionOf(file);
        if (version == null) {
            return Optional.empty();
        }
        try {
            Template template = freemarker.getTemplate(tenantSlug + "/" + viewName + EXTENSION, locale);
            StringWriter page = new StringWriter();
            template.process(model, page);
            return Optional.of(page.toString());
        } catch (Exception | StackOverflowError failed) {
            if (warned.add(file + "@" + version)) {
                LOG.warn("Template override of tenant {} for view {} not used, the default renders instead: {}",
                        tenantSlug, viewName, firstLine(failed));
            }
            return Optional.empty();
        }
    }

    /** The file's modification time and size, or null when there is no such regular file. */
    @Nullable
    private static String versionOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes.lastModifiedTime().toMillis() + "/" + attributes.size() : null;
        } catch (IOException missing) {
            return null;
        }
    }

    private static String firstLine(Throwable failed) {
        String message = failed.getClass().getSimpleName() + ": " + failed.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The operator's folder first; our templates after it, for the layouts an override imports. */
    private static TemplateLoader loader(Path directory) {
        try {
            return new MultiTemplateLoader(new TemplateLoader[]{
                    new FileTemplateLoader(directory.toFile()),
                    new ClassTemplateLoader(TemplateOverrides.class.getClassLoader(), "templates")});
        } catch (IOException e) {
            throw new UncheckedIOException("vitrine.themes.overrides-dir " + directory + " cannot be read", e);
        }
    }
}
