package io.vitrine.kernel.privacy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.vitrine.kernel.privacy.PersonalDataCipherTest.key;
import static io.vitrine.kernel.privacy.PersonalDataKind.ADDRESS;
import static io.vitrine.kernel.privacy.PersonalDataKind.ID_NUMBER;
import static io.vitrine.kernel.privacy.PersonalDataKind.NAME;
import static io.vitrine.kernel.privacy.PersonalDataKind.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

class BlindIndexTest {

    private final BlindIndex index = blindIndex(key(21));

    @Test
    void the_same_id_number_written_differently_has_one_index() {
        assertThat(index.of(ID_NUMBER, " 11010519491231002x ")).isEqualTo(index.of(ID_NUMBER, "11010519491231002X"));
        assertThat(index.of(ID_NUMBER, "１１０１０５１９４９１２３１００２Ｘ")).isEqualTo(index.of(ID_NUMBER, "11010519491231002X"));
        assertThat(index.of(ID_NUMBER, "11010519491231002X")).isNotEqualTo(index.of(ID_NUMBER, "120103198806018241"));
    }

    @Test
    void the_same_phone_with_or_without_country_code_and_separators_has_one_index() {
        String plain = index.of(PHONE, "13812345678");
        assertThat(index.of(PHONE, "+86 138 1234 5678")).isEqualTo(plain);
        assertThat(index.of(PHONE, "0086-138-1234-5678")).isEqualTo(plain);
        assertThat(index.of(PHONE, "86 13812345678")).isEqualTo(plain);
        assertThat(index.of(PHONE, "１３８１２３４５６７８")).isEqualTo(plain);
        assertThat(index.of(PHONE, "13812345679")).isNotEqualTo(plain);
    }

    @Test
    void the_same_address_with_other_spacing_or_full_width_characters_has_one_index() {
        String plain = index.of(ADDRESS, "广东省深圳市南山区科技园路1号A座");
        assertThat(index.of(ADDRESS, "广东省 深圳市　南山区 科技园路１号Ａ座 ")).isEqualTo(plain);
        assertThat(index.of(ADDRESS, "广东省深圳市南山区科技园路1号a座")).isEqualTo(plain);
        assertThat(index.of(ADDRESS, "广东省深圳市南山区科技园路2号A座")).isNotEqualTo(plain);
    }

    @Test
    void names_fold_case_and_spacing() {
        assertThat(index.of(NAME, "john  smith")).isEqualTo(index.of(NAME, "JOHN SMITH"));
        assertThat(index.of(NAME, "张三")).isNotEqualTo(index.of(NAME, "张 三"));
    }

    @Test
    void is_64_hex_characters_and_depends_on_the_key_and_the_kind() {
        String value = index.of(PHONE, "13812345678");
        assertThat(value).matches("[0-9a-f]{64}");
        assertThat(blindIndex(key(22)).of(PHONE, "13812345678")).isNotEqualTo(value);
        assertThat(index.of(NAME, "13812345678")).isNotEqualTo(value);
        assertThat(blindIndex(key(21)).of(PHONE, "13812345678")).isEqualTo(value);
    }

    private static BlindIndex blindIndex(String blindKey) {
        return new BlindIndex(new PersonalDataKeys(Map.of("k1", key(1)), "k1", blindKey));
    }
}
