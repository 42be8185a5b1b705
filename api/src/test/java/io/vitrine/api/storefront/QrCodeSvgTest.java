package io.vitrine.api.storefront;

import io.vitrine.api.storefront.pages.QrCodeSvg;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrCodeSvgTest {

    @Test
    void the_svg_path_decodes_to_the_address_it_was_made_from() {
        String address = "https://shop.example.cn/s/demo-shop/p/A2-FORMULA?store=S001";

        QrCodeSvg qr = QrCodeSvg.of(address);

        assertThat(QrDecoding.fromSvgPath(qr.size(), qr.path())).isEqualTo(address);
        assertThat(qr.path()).matches("[Mhvz0-9 -]+");
        // version 4 (33 modules) holds this address at level M, plus 4 modules of quiet zone each side
        assertThat(qr.size()).isEqualTo(33 + 8);
    }

    @Test
    void text_beyond_ascii_is_encoded_as_utf8() {
        String address = "http://localhost:8080/s/demo-shop/p/奶粉-1";

        assertThat(QrDecoding.fromSvgPath(QrCodeSvg.of(address).size(), QrCodeSvg.of(address).path())).isEqualTo(address);
    }

    @Test
    void text_no_qr_code_can_hold_is_refused() {
        assertThatThrownBy(() -> QrCodeSvg.of("x".repeat(5000))).isInstanceOf(IllegalArgumentException.class);
    }
}
