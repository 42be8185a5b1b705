package io.vitrine.orders.compliance;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.codes.InvalidCodeException;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.privacy.PersonalDataKind;
import io.vitrine.kernel.time.ChinaTime;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity checks of {@link ComplianceRule#INVALID_IDENTITY}: the name as on the ID card, the ID number (kernel
 * {@link ResidentIdNumber}: form, real birth date not after the order day in China, check character) and a mainland
 * mobile number. Each bad field is its own refusal, named by its request field.
 */
final class BuyerIdentity {

    static final String NAME = "buyer.name";
    static final String ID_NUMBER = "buyer.idNumber";
    static final String PHONE = "buyer.phone";

    /**
     * 2-50 letters of any script, with the separators names carry: the middle dot of transliterated names
     * (阿依古丽·买买提), spaces, dots, hyphens, apostrophes. No digits.
     */
    private static final Pattern NAME_FORM = Pattern.compile("\\p{L}[\\p{L}\\p{M} ·•・.'-]{0,48}\\p{L}");
    /** Mainland mobile numbers: 11 digits starting 13-19 (after the +86 prefix is dropped). */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private BuyerIdentity() {
    }

    static List<Refusal> check(@Nullable CheckoutFacts.Buyer buyer, Instant orderedAt) {
        CheckoutFacts.Buyer typed = buyer == null ? new CheckoutFacts.Buyer(null, null, null) : buyer;
        List<Refusal> refusals = new ArrayList<>();
        if (!isName(typed.name())) {
            refusals.add(Refusal.ofField(ComplianceRule.INVALID_IDENTITY, NAME));
        }
        if (idNumber(typed.idNumber(), orderedAt).isEmpty()) {
            refusals.add(Refusal.ofField(ComplianceRule.INVALID_IDENTITY, ID_NUMBER));
        }
        if (!isMobile(typed.phone())) {
            refusals.add(Refusal.ofField(ComplianceRule.INVALID_IDENTITY, PHONE));
        }
        return refusals;
    }

    static Optional<ResidentIdNumber> idNumber(@Nullable String raw, Instant orderedAt) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResidentIdNumber.parse(raw, Clock.fixed(orderedAt, ChinaTime.ZONE)));
        } catch (InvalidCodeException e) {
            return Optional.empty();
        }
    }

    static boolean isName(@Nullable String raw) {
        return raw != null && NAME_FORM.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC).strip()).matches();
    }

    static boolean isMobile(@Nullable String raw) {
        return raw != null && MOBILE.matcher(PersonalDataKind.PHONE.normalise(raw)).matches();
    }
}
