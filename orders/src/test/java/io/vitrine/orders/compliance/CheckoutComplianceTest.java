package io.vitrine.orders.compliance;

import io.vitrine.catalog.products.TradeMode;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.ImportTax;
import io.vitrine.kernel.tax.TaxRates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static io.vitrine.catalog.products.TradeMode.BONDED_IMPORT;
import static io.vitrine.catalog.products.TradeMode.BONDED_IMPORT_A;
import static io.vitrine.catalog.products.TradeMode.DIRECT_IMPORT;
import static io.vitrine.catalog.products.TradeMode.GENERAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every compliance rule, as a table of checkouts and what they get: the limits at their boundaries, the single-item
 * exception with and without an MFN rate, one trade mode and one warehouse, GENERAL goods, identity (domain.md's ID
 * number vectors), and the tax and totals of accepted checkouts.
 */
class CheckoutComplianceTest {

    /** 18:00 on 30 November 2026 in China. */
    static final Instant ORDERED_AT = Instant.parse("2026-11-30T10:00:00Z");
    static final TaxRates VAT_ONLY = TaxRates.of("0.13", "0", null);
    static final TaxRates VAT_MFN = TaxRates.of("0.13", "0", "0.10");
    static final TaxRates COSMETICS = TaxRates.of("0.13", "0.15", "0.05");
    static final CheckoutFacts.Buyer BUYER = new CheckoutFacts.Buyer("张三", "11010519491231002X", "13800138000");

    static Stream<Arguments> checkouts() {
        return Stream.of(
                arguments("exactly 5,000.00 with freight passes",
                        facts(List.of(line("A", 1, "4990.00", VAT_ONLY)), "10.00", "0"), List.of()),
                arguments("5,000.01 counting insurance is refused",
                        facts(List.of(line("A", 1, "4990.00", VAT_ONLY)), "10.00", "0.01"),
                        List.of("SINGLE_LIMIT_EXCEEDED")),
                arguments("freight alone takes an order over the limit",
                        facts(List.of(line("A", 2, "2495.00", VAT_ONLY)), "10.01", "0"),
                        List.of("SINGLE_LIMIT_EXCEEDED")),
                arguments("one unit of one product with an MFN rate above the limit passes",
                        facts(List.of(line("A", 1, "6000.00", VAT_MFN)), "0", "0"), List.of()),
                arguments("one unit of one product without an MFN rate above the limit is refused",
                        facts(List.of(line("A", 1, "6000.00", VAT_ONLY)), "0", "0"),
                        List.of("SINGLE_LIMIT_EXCEEDED")),
                arguments("two units of a product with an MFN rate are no single item",
                        facts(List.of(line("A", 2, "2500.00", VAT_MFN)), "0", "0.01"),
                        List.of("SINGLE_LIMIT_EXCEEDED")),
                arguments("two products with MFN rates are no single item",
                        facts(List.of(line("A", 1, "4000.00", VAT_MFN), line("B", 1, "1000.01", VAT_MFN)), "0", "0"),
                        List.of("SINGLE_LIMIT_EXCEEDED")),
                arguments("1210 and 9610 in one order",
                        facts(List.of(line("A", 1, "10.00", VAT_ONLY), line("B", 1, "10.00", VAT_ONLY, DIRECT_IMPORT)),
                                "0", "0"),
                        List.of("MIXED_TRADE_MODES")),
                arguments("1210 and 1239 are two trade modes too",
                        facts(List.of(line("A", 1, "10.00", VAT_ONLY), line("B", 1, "10.00", VAT_ONLY, BONDED_IMPORT_A)),
                                "0", "0"),
                        List.of("MIXED_TRADE_MODES")),
                arguments("bonded and duty-paid goods in one order",
                        facts(List.of(line("A", 1, "10.00", VAT_ONLY), line("B", 1, "10.00", VAT_ONLY, GENERAL)),
                                "0", "0"),
                        List.of("MIXED_TRADE_MODES")),
                arguments("two warehouses",
                        facts(List.of(line("A", 1, "10.00", VAT_ONLY),
                                new CheckoutFacts.Line("B", 1, yuan("10.00"), BONDED_IMPORT, "WH2", true, VAT_ONLY, true)),
                                "0", "0"),
                        List.of("MIXED_WAREHOUSES")),
                arguments("a product off the positive list",
                        facts(List.of(line("A", 1, "10.00", VAT_ONLY),
                                new CheckoutFacts.Line("B", 1, yuan("10.00"), BONDED_IMPORT, "WH1", false, VAT_ONLY, true)),
                                "0", "0"),
                        List.of("NOT_ON_POSITIVE_LIST")),
                arguments("a line out of stock",
                        facts(List.of(new CheckoutFacts.Line("A", 3, yuan("10.00"), BONDED_IMPORT, "WH1", true, VAT_ONLY,
                                false)), "0", "0"),
                        List.of("OUT_OF_STOCK")),
                arguments("everything wrong at once, listed in rule order",
                        new CheckoutFacts(List.of(
                                new CheckoutFacts.Line("A", 1, yuan("6000.00"), BONDED_IMPORT, "WH1", false, VAT_ONLY, false),
                                new CheckoutFacts.Line("B", 1, yuan("1.00"), DIRECT_IMPORT, "WH2", true, VAT_ONLY, true)),
                                Money.ZERO, Money.ZERO, Money.ZERO, new CheckoutFacts.Buyer("", "360426199101010072", "12345"),
                                false, yuan("25000.00"), ORDERED_AT),
                        List.of("CONSENT_REQUIRED", "INVALID_IDENTITY", "INVALID_IDENTITY", "INVALID_IDENTITY",
                                "NOT_ON_POSITIVE_LIST", "MIXED_TRADE_MODES", "MIXED_WAREHOUSES", "SINGLE_LIMIT_EXCEEDED",
                                "ANNUAL_LIMIT_EXCEEDED", "OUT_OF_STOCK")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkouts")
    void each_checkout_gets_the_refusals_its_rules_give(String name, CheckoutFacts facts, List<String> codes) {
        CheckoutDecision decision = CheckoutCompliance.check(facts);

        if (codes.isEmpty()) {
            assertThat(decision).isInstanceOf(CheckoutDecision.Accepted.class);
        } else {
            assertThat(decision).isInstanceOfSatisfying(CheckoutDecision.Refused.class, refused -> {
                assertThat(refused.refusals()).extracting(Refusal::code).containsExactlyElementsOf(codes);
                assertThat(refused.code()).isEqualTo(codes.get(0));
            });
            assertThatThrownBy(decision::orThrow).isInstanceOfSatisfying(CheckoutRefusedException.class, e -> {
                assertThat(e.code()).isEqualTo(codes.get(0));
                assertThat(e.refusals()).hasSize(codes.size());
            });
        }
    }

    static Stream<Arguments> annualLimit() {
        return Stream.of(
                arguments("21,000.00", "5000.00", true),    // exactly 26,000.00
                arguments("21,000.01", "5000.00", false),
                arguments("0", "5000.00", true),
                arguments("26,000.00", "0.01", false),
                arguments("20,000.01", "6000.00", false));  // the single-item exception still counts toward the year
    }

    @ParameterizedTest(name = "{0} held this year + {1} -> passes: {2}")
    @MethodSource("annualLimit")
    void the_annual_limit_counts_what_the_year_holds_plus_this_order(String held, String order, boolean passes) {
        TaxRates rates = order.equals("6000.00") ? VAT_MFN : VAT_ONLY;
        CheckoutFacts facts = new CheckoutFacts(List.of(line("A", 1, order, rates)), Money.ZERO, Money.ZERO, Money.ZERO,
                BUYER, true, yuan(held.replace(",", "")), ORDERED_AT);

        CheckoutDecision decision = CheckoutCompliance.check(facts);

        if (passes) {
            assertThat(decision).isInstanceOf(CheckoutDecision.Accepted.class);
        } else {
            Refusal refusal = ((CheckoutDecision.Refused) decision).refusals().get(0);
            assertThat(refusal.rule()).isEqualTo(ComplianceRule.ANNUAL_LIMIT_EXCEEDED);
            assertThat(refusal.amount()).isEqualTo(CrossBorderLimits.ANNUAL.minus(yuan(held.replace(",", "")))
                    .max(Money.ZERO));
        }
    }

    static Stream<Arguments> idNumbers() {
        return Stream.of(
                arguments("11010519491231002X", true),   // domain.md: valid
                arguments("11010519491231002x", true),   // a lower-case x is typed often
                arguments("120103198806018241", true),   // domain.md: valid
                arguments("360426199101010072", false),  // domain.md: invalid (check character)
                arguments("110105194902310018", false),  // 31 February, with a matching check character
                arguments("11010520261130001X", true),   // born today in China
                arguments("110105202612010014", false),  // born tomorrow
                arguments("11010519491231002", false),   // 17 characters
                arguments("", false));
    }

    @ParameterizedTest(name = "{0} valid: {1}")
    @MethodSource("idNumbers")
    void the_id_number_needs_its_check_character_and_a_real_birth_date(String idNumber, boolean valid) {
        CheckoutDecision decision = CheckoutCompliance.check(cheapOrderOf(new CheckoutFacts.Buyer("张三", idNumber, "13800138000")));

        if (valid) {
            assertThat(decision.orThrow().buyerId().value()).isEqualTo(idNumber.toUpperCase(Locale.ROOT));
        } else {
            assertThat(((CheckoutDecision.Refused) decision).refusals())
                    .containsExactly(new Refusal(ComplianceRule.INVALID_IDENTITY, "buyer.idNumber", null, null));
        }
    }

    static Stream<Arguments> namesAndPhones() {
        return Stream.of(
                arguments("张三", "13800138000", List.of()),
                arguments("阿依古丽·买买提", "+86 138 0013 8000", List.of()),
                arguments("Anna-Lena O'Neil", "0086-19912345678", List.of()),
                arguments("张", "13800138000", List.of("buyer.name")),
                arguments("张3", "13800138000", List.of("buyer.name")),
                arguments("  ", "13800138000", List.of("buyer.name")),
                arguments("张三", "12800138000", List.of("buyer.phone")),
                arguments("张三", "1380013800", List.of("buyer.phone")),
                arguments("张三", "010-12345678", List.of("buyer.phone")),
                arguments(null, null, List.of("buyer.name", "buyer.phone")));
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @MethodSource("namesAndPhones")
    void the_name_is_as_on_an_id_card_and_the_phone_a_mainland_mobile(String name, String phone, List<String> fields) {
        CheckoutDecision decision = CheckoutCompliance.check(cheapOrderOf(
                new CheckoutFacts.Buyer(name, "120103198806018241", phone)));

        if (fields.isEmpty()) {
            assertThat(decision).isInstanceOf(CheckoutDecision.Accepted.class);
        } else {
            assertThat(((CheckoutDecision.Refused) decision).refusals())
                    .allMatch(refusal -> refusal.rule() == ComplianceRule.INVALID_IDENTITY)
                    .extracting(Refusal::field).containsExactlyElementsOf(fields);
        }
    }

    @Test
    void a_missing_buyer_is_refused_on_every_identity_field_and_consent() {
        CheckoutFacts facts = new CheckoutFacts(List.of(line("A", 1, "10.00", VAT_ONLY)), Money.ZERO, Money.ZERO,
                Money.ZERO, null, false, Money.ZERO, ORDERED_AT);

        assertThat(((CheckoutDecision.Refused) CheckoutCompliance.check(facts)).refusals())
                .extracting(Refusal::code, Refusal::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CONSENT_REQUIRED", null),
                        org.assertj.core.groups.Tuple.tuple("INVALID_IDENTITY", "buyer.name"),
                        org.assertj.core.groups.Tuple.tuple("INVALID_IDENTITY", "buyer.idNumber"),
                        org.assertj.core.groups.Tuple.tuple("INVALID_IDENTITY", "buyer.phone"));
    }

    @Test
    void general_goods_sell_without_identity_consent_positive_list_or_limits_and_without_import_tax() {
        CheckoutFacts facts = new CheckoutFacts(List.of(
                new CheckoutFacts.Line("WINE", 4, yuan("3000.00"), GENERAL, "STORE", false, VAT_ONLY, true)),
                yuan("20.00"), Money.ZERO, Money.ZERO, null, false, yuan("26000.00"), ORDERED_AT);

        AcceptedCheckout accepted = CheckoutCompliance.check(facts).orThrow();

        assertThat(accepted.taxation()).isEqualTo(Taxation.DUTY_PAID);
        assertThat(accepted.taxation().isDeclared()).isFalse();
        assertThat(accepted.amounts().tax()).isEqualTo(Money.ZERO);
        assertThat(accepted.amounts().total()).isEqualTo(yuan("12020.00"));
        assertThat(accepted.buyerId()).isNull();
        assertThat(accepted.quotaAmount()).isEqualTo(Money.ZERO);
    }

    @Test
    void general_goods_still_need_stock() {
        CheckoutFacts facts = new CheckoutFacts(List.of(
                new CheckoutFacts.Line("WINE", 1, yuan("30.00"), GENERAL, "STORE", false, VAT_ONLY, false)),
                Money.ZERO, Money.ZERO, Money.ZERO, null, false, Money.ZERO, ORDERED_AT);

        assertThat(((CheckoutDecision.Refused) CheckoutCompliance.check(facts)).refusals())
                .containsExactly(new Refusal(ComplianceRule.OUT_OF_STOCK, null, "WINE", null));
    }

    @Test
    void each_line_is_taxed_on_its_goods_plus_its_share_of_freight_rounded_half_up_and_summed() {
        // 100.00 of formula (13% VAT) and 300.00 of cosmetics (13% VAT, 15% consumption tax), freight 20.00:
        // dutiable 105.00 and 315.00; 10500 x 9.1% = 955.5 -> 956 fen; 31500 x 0.196/0.85 = 7263.53 -> 7264 fen
        CheckoutFacts facts = new CheckoutFacts(List.of(line("FORMULA", 2, "50.00", VAT_ONLY), line("CREAM", 1, "300.00",
                COSMETICS)), yuan("20.00"), Money.ZERO, yuan("5.00"), BUYER, true, Money.ZERO, ORDERED_AT);

        AcceptedCheckout accepted = CheckoutCompliance.check(facts).orThrow();

        assertThat(accepted.taxation()).isEqualTo(Taxation.WITHIN_LIMITS);
        assertThat(accepted.lines()).extracting(AcceptedCheckout.TaxedLine::dutiableValue)
                .containsExactly(yuan("105.00"), yuan("315.00"));
        assertThat(accepted.lines()).extracting(line -> line.tax().total())
                .containsExactly(Money.ofFen(956), Money.ofFen(7264));
        assertThat(accepted.lines().get(0).tax().tariff()).isEqualTo(Money.ZERO);
        assertThat(accepted.amounts()).isEqualTo(new CheckoutAmounts(yuan("400.00"), yuan("20.00"), Money.ZERO,
                yuan("5.00"), Money.ofFen(956 + 7264), yuan("497.20")));
        assertThat(accepted.quotaAmount()).isEqualTo(yuan("420.00")); // goods + freight, the discount does not count
        assertThat(accepted.tradeMode()).isEqualTo(BONDED_IMPORT);
        assertThat(accepted.warehouseCode()).isEqualTo("WH1");
    }

    @Test
    void the_single_item_exception_is_taxed_in_full_as_general_trade() {
        // 6,000.00 + 30.00 freight, MFN 10%, VAT 13%: tariff 603.00, VAT (6030.00 + 603.00) x 13% = 862.29
        CheckoutFacts facts = new CheckoutFacts(List.of(line("WATCH", 1, "6000.00", VAT_MFN)), yuan("30.00"),
                Money.ZERO, Money.ZERO, BUYER, true, Money.ZERO, ORDERED_AT);

        AcceptedCheckout accepted = CheckoutCompliance.check(facts).orThrow();

        assertThat(accepted.taxation()).isEqualTo(Taxation.GENERAL_TRADE_SINGLE_ITEM);
        assertThat(accepted.lines().get(0).tax())
                .isEqualTo(new ImportTax(yuan("603.00"), Money.ZERO, yuan("862.29")));
        assertThat(accepted.amounts().total()).isEqualTo(yuan("7495.29"));
        assertThat(accepted.quotaAmount()).isEqualTo(yuan("6030.00"));
    }

    @Test
    void messages_speak_to_the_shopper_in_chinese_and_english_and_never_echo_the_id_number() {
        CheckoutFacts facts = new CheckoutFacts(List.of(line("A", 1, "100.00", VAT_ONLY)), Money.ZERO, Money.ZERO,
                Money.ZERO, new CheckoutFacts.Buyer("张三", "360426199101010072", "13800138000"), true,
                yuan("25950.00"), ORDERED_AT);

        List<Refusal> refusals = ((CheckoutDecision.Refused) CheckoutCompliance.check(facts)).refusals();
        Locale china = Locale.SIMPLIFIED_CHINESE;

        assertThat(refusals).extracting(Refusal::code).containsExactly("INVALID_IDENTITY", "ANNUAL_LIMIT_EXCEEDED");
        assertThat(refusals.get(0).message()).isEqualTo("This ID number is not valid: please check its 18 characters.");
        assertThat(refusals.get(0).message(china)).isEqualTo("身份证号无效，请核对18位号码。");
        assertThat(refusals.get(1).message()).contains("¥26,000.00").contains("you can still buy ¥50.00 this year");
        assertThat(refusals.get(1).message(china)).isEqualTo("本单将超过个人年度交易限值 ¥26,000.00，您今年还可购买 ¥50.00。");
        List<String> all = new ArrayList<>();
        List<RefusalRule> rules = new ArrayList<>(List.of(ComplianceRule.values()));
        rules.addAll(List.of(CartRule.values()));
        for (RefusalRule rule : rules) {
            all.add(new Refusal(rule, null, "SKU-1", Money.ofFen(1)).message());
            all.add(new Refusal(rule, null, "SKU-1", Money.ofFen(1)).message(china));
            all.add(new Refusal(rule, "sku", "SKU-1", null).message(china));
        }
        assertThat(new Refusal(CartRule.NOT_IN_ASSORTMENT, "sku", "SKU-1", null).message(china))
                .isEqualTo("本门店不销售商品 SKU-1。");
        assertThat(Refusal.ofSku(CartRule.NOT_IN_ASSORTMENT, "SKU-1").message())
                .isEqualTo("This store no longer sells product SKU-1: please remove it from your cart.");
        assertThat(all).allMatch(text -> !text.isBlank() && !text.contains("{") && !text.contains("360426"));
        assertThat(new CheckoutRefusedException(refusals).getMessage()).isEqualTo(refusals.get(0).message());
    }

    private static CheckoutFacts cheapOrderOf(CheckoutFacts.Buyer buyer) {
        return new CheckoutFacts(List.of(line("A", 1, "10.00", VAT_ONLY)), Money.ZERO, Money.ZERO, Money.ZERO, buyer,
                true, Money.ZERO, ORDERED_AT);
    }

    static CheckoutFacts facts(List<CheckoutFacts.Line> lines, String freight, String insurance) {
        return new CheckoutFacts(lines, yuan(freight), yuan(insurance), Money.ZERO, BUYER, true, Money.ZERO, ORDERED_AT);
    }

    static CheckoutFacts.Line line(String sku, long quantity, String unitPrice, TaxRates rates) {
        return line(sku, quantity, unitPrice, rates, BONDED_IMPORT);
    }

    static CheckoutFacts.Line line(String sku, long quantity, String unitPrice, TaxRates rates, TradeMode mode) {
        return new CheckoutFacts.Line(sku, quantity, yuan(unitPrice), mode, "WH1", true, rates, true);
    }

    static Money yuan(String amount) {
        return Money.parse(amount);
    }
}
