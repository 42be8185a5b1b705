package io.vitrine.kernel.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @ParameterizedTest
    @CsvSource({
            "11010519491231002X, 1101**********002X",
            "120103198806018241, 1201**********8241",
            "1234, ****",
            "'', ****"})
    void id_numbers_keep_the_first_four_and_last_four(String value, String masked) {
        assertThat(Masking.idNumber(value)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
            "13812345678, 138****5678",
            "+86 138 1234 5678, 138****5678",
            "0755-26001234, ********1234",
            "110, ****"})
    void phones_keep_the_carrier_prefix_and_last_four(String value, String masked) {
        assertThat(Masking.phone(value)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"张三, 张*", "欧阳娜娜, 欧***", "John, J***", "张, *", "' 李四 ', 李*"})
    void names_keep_the_first_character(String value, String masked) {
        assertThat(Masking.name(value)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
            "广东省深圳市南山区科技园路1号A座, 广东省深圳市南山区****",
            "北京市朝阳区建国路88号, 北京市朝阳区****",
            "上海市浦东新区世纪大道100号, 上海市浦东新区****",
            "北京朝阳区市场街1号, 北京朝阳区****",
            "内蒙古自治区呼和浩特市新城区中山东路1号, 内蒙古自治区呼和浩特市新城区****",
            "浙江省金华市义乌市稠州北路1号, 浙江省金华市义乌市****",
            "山西省太原市小店区长风街1号, 山西省太原市小店区****",
            "云南省迪庆藏族自治州香格里拉市建塘镇, 云南省迪庆藏族自治州香格里拉市****",
            "广东深圳市南山区科技园, 广东深圳市南山区****",
            "广东省东莞市东城街道花园小区3栋, ****",
            "1 Infinite Loop Cupertino, ****"})
    void addresses_keep_up_to_the_district(String value, String masked) {
        assertThat(Masking.address(value)).isEqualTo(masked);
    }
}
