package io.vitrine.api.console;

import io.micronaut.http.HttpRequest;
import io.vitrine.api.views.PageLanguage;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The field errors of a refused form ({@link InvalidInputException}, the same the API answers with 400),
 * keyed by field for the page to show next to each input. A rule with a text in the page's messages
 * ({@code rule.<RULE>}) is shown in that language; any other keeps the domain's own (English) message.
 */
public final class FormErrors {

    private static final String MESSAGES = "i18n/messages";

    private FormErrors() {
    }

    public static Map<String, String> of(InvalidInputException refused, HttpRequest<?> request) {
        ResourceBundle messages = messages(PageLanguage.of(request));
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : refused.errors()) {
            String text = error.rule() != null && messages.containsKey("rule." + error.rule())
                    ? messages.getString("rule." + error.rule()) : error.message();
            byField.merge(error.field(), text, (first, more) -> first + "; " + more);
        }
        return byField;
    }

    /** One error of the console's own (a check the domain does not make, e.g. a password typed twice). */
    public static Map<String, String> one(String field, String messageKey, HttpRequest<?> request) {
        return Map.of(field, messages(PageLanguage.of(request)).getString(messageKey));
    }

    /** The same bundles the page renderer uses, without falling back to the JVM's default locale. */
    private static ResourceBundle messages(PageLanguage language) {
        return ResourceBundle.getBundle(MESSAGES, language.locale(), FormErrors.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
