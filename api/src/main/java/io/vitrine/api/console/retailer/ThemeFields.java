package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.tenants.themes.Theme;
import io.vitrine.tenants.themes.ThemeForm;

import java.util.LinkedHashMap;
import java.util.Map;

/** The theme form's fields as typed, shown again when the form is refused. */
@Serdeable
public record ThemeFields(@Nullable String shopName, @Nullable String primary, @Nullable String primaryText,
                          @Nullable String accent, @Nullable String background, @Nullable String text,
                          @Nullable String welcomeZh, @Nullable String welcomeEn, @Nullable String footerZh,
                          @Nullable String footerEn) {

    /** The domain's field names (as the API reports them) → this form's inputs. */
    private static final Map<String, String> INPUTS = Map.of("colours.primary", "primary",
            "colours.primaryText", "primaryText", "colours.accent", "accent", "colours.background", "background",
            "colours.text", "text", "welcomeText.zh", "welcomeZh", "welcomeText.en", "welcomeEn",
            "footerText.zh", "footerZh", "footerText.en", "footerEn");

    static ThemeFields of(Theme t) {
        return new ThemeFields(t.shopName(), t.colours().primary(), t.colours().primaryText(), t.colours().accent(),
                t.colours().background(), t.colours().text(), t.welcome().zh(), t.welcome().en(), t.footer().zh(),
                t.footer().en());
    }

    ThemeForm toForm() {
        return new ThemeForm(shopName, primary, primaryText, accent, background, text, welcomeZh, welcomeEn,
                footerZh, footerEn);
    }

    /** The refused form's errors keyed by this form's inputs. */
    static Map<String, String> byInput(Map<String, String> byDomainField) {
        Map<String, String> errors = new LinkedHashMap<>();
        byDomainField.forEach((field, error) -> errors.put(INPUTS.getOrDefault(field, field), error));
        return errors;
    }
}
