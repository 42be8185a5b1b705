package io.vitrine.api.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/**
 * A console page to render: its template under {@code templates/console/} and its model, which always
 * holds the {@code viewer} for the frame (absent on the sign-in and invitation pages) and a fresh
 * {@code formToken} for the page's create-form ({@link OneTimeForms}).
 */
public final class ConsolePage {

    private ConsolePage() {
    }

    /** The model: the viewer, a form token, then the page's own entries as key, value, key, value... (null values left out). */
    public static Map<String, Object> model(@Nullable Authentication caller, Object... entries) {
        if (entries.length % 2 != 0) {
            throw new IllegalArgumentException("entries come in key, value pairs");
        }
        Map<String, Object> model = new HashMap<>();
        if (caller != null) {
            model.put("viewer", Viewer.of(caller));
        }
        model.put(OneTimeForms.FIELD, OneTimeForms.newToken());
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i + 1] != null) {
                model.put((String) entries[i], entries[i + 1]);
            }
        }
        return model;
    }

    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> render(String view, Map<String, Object> model) {
        return render(HttpStatus.OK, view, model);
    }

    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> render(HttpStatus status, String view,
                                                                             Map<String, Object> model) {
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status)
                .body(new ModelAndView<>("console/" + view, model));
    }

    /**
     * A page that shows a secret (a token, a pairing code, a device secret) this once. It is the answer to
     * the POST itself, never a redirect: the secret must not travel in a URL, a cookie or a server-side
     * cache; and nothing may keep the page.
     */
    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> showOnce(String view, Map<String, Object> model) {
        return render(view, model).header("Cache-Control", "no-store");
    }
}
