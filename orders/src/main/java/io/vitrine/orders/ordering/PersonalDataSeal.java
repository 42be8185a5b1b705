package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.privacy.BlindIndex;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.privacy.PersonalDataKind;
import io.vitrine.orders.compliance.CheckoutFacts;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * Seals an order's personal data for storage (architecture.md "Personal data"): every field encrypted with the
 * kernel {@link PersonalDataCipher}, blind indexes for the ID number, phones and address, and the ID number's last
 * six characters only as a blind index bound to the order number — what the order lookup proves, and useless for
 * matching across orders.
 */
@Singleton
class PersonalDataSeal {

    private static final String LAST6_PURPOSE = "order-lookup-id-last6";

    private final PersonalDataCipher cipher;
    private final BlindIndex blindIndex;

    PersonalDataSeal(PersonalDataCipher cipher, BlindIndex blindIndex) {
        this.cipher = cipher;
        this.blindIndex = blindIndex;
    }

    SealedPersonalData seal(String orderNo, @Nullable CheckoutFacts.Buyer buyer, @Nullable ValidConsignee consignee) {
        boolean identified = buyer != null && buyer.idNumber() != null;
        String idNumber = identified ? PersonalDataKind.ID_NUMBER.normalise(buyer.idNumber()) : null;
        String buyerPhone = identified ? PersonalDataKind.PHONE.normalise(buyer.phone()) : null;
        return new SealedPersonalData(
                identified ? cipher.encrypt(buyer.name().strip()) : null,
                identified ? cipher.encrypt(idNumber) : null,
                identified ? cipher.encrypt(buyerPhone) : null,
                identified ? blindIndex.of(PersonalDataKind.ID_NUMBER, idNumber) : null,
                identified ? last6Index(orderNo, idNumber.substring(idNumber.length() - 6)) : null,
                identified ? blindIndex.of(PersonalDataKind.PHONE, buyerPhone) : null,
                consignee == null ? null : cipher.encrypt(consignee.name()),
                consignee == null ? null : cipher.encrypt(consignee.phone()),
                consignee == null ? null : blindIndex.of(PersonalDataKind.PHONE, consignee.phone()),
                consignee == null ? null : consignee.districtCode(),
                consignee == null ? null : cipher.encrypt(consignee.address()),
                consignee == null ? null : blindIndex.of(PersonalDataKind.ADDRESS, consignee.address()));
    }

    /** The same personal data with the consignee replaced (sealed and indexed as at placement); the buyer kept. */
    SealedPersonalData withConsignee(SealedPersonalData sealed, ValidConsignee consignee) {
        return new SealedPersonalData(sealed.buyerName(), sealed.buyerIdNumber(), sealed.buyerPhone(),
                sealed.buyerIdIndex(), sealed.buyerIdLast6Index(), sealed.buyerPhoneIndex(),
                cipher.encrypt(consignee.name()), cipher.encrypt(consignee.phone()),
                blindIndex.of(PersonalDataKind.PHONE, consignee.phone()), consignee.districtCode(),
                cipher.encrypt(consignee.address()), blindIndex.of(PersonalDataKind.ADDRESS, consignee.address()));
    }

    /** The lookup's proof: the last six characters of the ID number (upper case), bound to the order. */
    String last6Index(String orderNo, String last6) {
        String normalised = PersonalDataKind.ID_NUMBER.normalise(last6);
        return blindIndex.of(LAST6_PURPOSE, (orderNo + "|" + normalised).getBytes(StandardCharsets.UTF_8));
    }

    String phoneIndex(String phone) {
        return blindIndex.of(PersonalDataKind.PHONE, phone);
    }

    @Nullable
    String open(@Nullable String sealed) {
        return sealed == null ? null : cipher.decrypt(sealed);
    }

    /** A consignee whose fields passed the checks, the phone normalised. */
    record ValidConsignee(String name, String phone, String districtCode, String address) {

        @Override
        public String toString() {
            return "ValidConsignee[masked]";
        }
    }
}
