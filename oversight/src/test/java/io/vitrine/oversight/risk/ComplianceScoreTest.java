package io.vitrine.oversight.risk;

import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceScoreTest {

    private static final TenantId SHOP = TenantId.of("shop");

    @Test
    void nothing_against_a_member_is_a_full_score() {
        assertThat(ComplianceScore.of(SHOP, 0, 0, 0, 0).score()).isEqualTo(100);
        assertThat(ComplianceScore.of(SHOP, 50, 0, 0, 0).score()).isEqualTo(100);
    }

    @Test
    void rejections_returns_and_flags_weigh_40_30_and_30_per_declaration() {
        assertThat(ComplianceScore.of(SHOP, 10, 1, 0, 0).score()).isEqualTo(96);
        assertThat(ComplianceScore.of(SHOP, 10, 0, 2, 0).score()).isEqualTo(94);
        assertThat(ComplianceScore.of(SHOP, 10, 0, 0, 5).score()).isEqualTo(85);
        assertThat(ComplianceScore.of(SHOP, 10, 10, 10, 10).score()).isZero();
    }

    @Test
    void each_share_is_capped_so_a_member_without_declarations_still_scores_from_its_flags() {
        assertThat(ComplianceScore.of(SHOP, 0, 0, 0, 3).score()).isEqualTo(70);
        assertThat(ComplianceScore.of(SHOP, 1, 0, 50, 0).score()).isEqualTo(70);
    }
}
