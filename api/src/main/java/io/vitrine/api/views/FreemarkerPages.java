package io.vitrine.api.views;

import freemarker.cache.ClassTemplateLoader;
import freemarker.ext.beans.ResourceBundleModel;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ViewUtils;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.vitrine.api.BuildInfo;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Renders {@code @View} pages with Freemarker (micronaut-views has no Freemarker module for Micronaut 4).
 *
 * <p>Templates are {@code templates/<view>.ftlh} on the classpath (the storefront-templates jar). The
 * {@code .ftlh} extension turns on HTML auto-escaping, so every {@code ${...}} is escaped unless a template
 * explicitly says otherwise. Besides the controller's model, every page gets {@code lang} (its
 * {@link PageLanguage}), {@code msg} (the messages in that language, {@code msg["landing.title"]}),
 * {@code path} (the request path), {@code languageLinks} (the language switch: this page's path and query in
 * each language, see {@link PageLanguage#switchLink}) and {@code assetVersion} (appended to static links so
 * a new release is fetched despite long cache lifetimes).
 *
 * <p>Storefront pages ({@code storefront/...}) whose model names the shop ({@code tenant}, its slug) also get
 * {@code theme} ({@link StorefrontThemes}), and render the operator's override of the view for that shop
 * when there is one that works ({@link TemplateOverrides}). Every template runs sandboxed
 * ({@link SandboxedFreemarker}: no {@code ?new}, no {@code ?api}, safe members only).
 */
@Singleton
@Produces(MediaType.TEXT_HTML)
final class FreemarkerPages implements ViewsRenderer<Object, HttpRequest<?>> {

    private static final String EXTENSION = ".ftlh";
    private static final String MESSAGES = "i18n/messages";
    private static final String STOREFRONT = "storefront/";

    private final Configuration freemarker = SandboxedFreemarker.configuration(
            new ClassTemplateLoader(FreemarkerPages.class.getClassLoader(), "templates"));
    private final BuildInfo build;
    private final StorefrontThemes themes;
    private final TemplateOverrides overrides;

    FreemarkerPages(BuildInfo build, StorefrontThemes themes, TemplateOverrides overrides) {
        this.build = build;
        this.themes = themes;
        this.overrides = overrides;
    }

    @Override
    public Writable render(String viewName, @Nullable Object data, @Nullable HttpRequest<?> request) {
        PageLanguage language = request == null ? PageLanguage.ZH_CN : PageLanguage.of(request);
        Map<String, Object> model = new HashMap<>(ViewUtils.modelOf(data));
        model.put("lang", language.tag());
        model.put("languages", PageLanguage.all().stream().map(PageLanguage::tag).toList());
        model.put("msg", new ResourceBundleModel(messages(language), SandboxedFreemarker.WRAPPER));
        model.put("path", request == null ? "/" : request.getPath());
        model.put("languageLinks", languageLinks(request));
        model.put("assetVersion", build.version());
        String shop = viewName.startsWith(STOREFRONT) && model.get("tenant") instanceof String slug ? slug : null;
        if (shop != null) {
            model.put("theme", themes.model(shop, language));
        }
        String page = page(viewName, shop, language, model);
        return out -> out.write(page);
    }

    /**
     * The whole page, rendered before the response starts: a template that fails is a 500 answered at once, never
     * a response begun and left hanging (a {@link Writable} that throws while the server writes it ends nothing).
     */
    private String page(String viewName, @Nullable String shop, PageLanguage language, Map<String, Object> model) {
        try {
            Optional<String> overridden = shop == null ? Optional.empty()
                    : overrides.render(shop, viewName, language.locale(), model);
            if (overridden.isPresent()) {
                return overridden.get();
            }
            Template template = freemarker.getTemplate(viewName + EXTENSION, language.locale());
            StringWriter page = new StringWriter(8192);
            template.process(model, page);
            return page.toString();
        } catch (TemplateException | IOException e) {
            throw new ViewRenderingException("Cannot render page " + viewName, e);
        }
    }

    @Override
    public boolean exists(String viewName) {
        try {
            freemarker.getTemplate(viewName + EXTENSION);
            return true;
        } catch (TemplateNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new ViewRenderingException("Cannot load page " + viewName, e);
        }
    }

    private static Map<String, String> languageLinks(@Nullable HttpRequest<?> request) {
        Map<String, String> links = new LinkedHashMap<>();
        for (PageLanguage language : PageLanguage.all()) {
            links.put(language.tag(), request == null ? "/?lang=" + language.tag() : language.switchLink(request));
        }
        return links;
    }

    /** No fallback to the JVM's default locale: a page is in the language it says, whatever the server's locale. */
    private static ResourceBundle messages(PageLanguage language) {
        return ResourceBundle.getBundle(MESSAGES, language.locale(), FreemarkerPages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
