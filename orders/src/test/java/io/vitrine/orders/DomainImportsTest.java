package io.vitrine.orders;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Domain code of this module reaches adapters only through ports; the Alipay SDK (36 MB, fastjson, its own
 * HTTP stack) stays inside the payment adapter (stack-notes.md).
 */
class DomainImportsTest {

    private static final JavaClasses ORDERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vitrine.orders");

    private static final ArchRule SDK_OUTSIDE_THE_ADAPTER = noClasses()
            .that().resideOutsideOfPackage("io.vitrine.orders.payment.infra..")
            .should().dependOnClassesThat().resideInAnyPackage("com.alipay..", "com.alibaba.fastjson..");

    @Test
    void domain_code_imports_no_infra_package() {
        noClasses().that().resideOutsideOfPackage("..infra..")
                .should().dependOnClassesThat().resideInAPackage("..infra..")
                .check(ORDERS);
    }

    @Test
    void only_the_payment_adapter_uses_the_alipay_sdk() {
        SDK_OUTSIDE_THE_ADAPTER.check(ORDERS);
    }

    @Test
    void the_sdk_rule_catches_a_class_outside_the_adapter() {
        // FakeAlipayProcessTest drives the SDK directly from io.vitrine.orders.payment: the rule must see it
        JavaClasses withTests = new ClassFileImporter().importPackages("io.vitrine.orders.payment");
        assertThatThrownBy(() -> SDK_OUTSIDE_THE_ADAPTER.check(withTests))
                .isInstanceOf(AssertionError.class).hasMessageContaining("FakeAlipayProcessTest");
    }

    @Test
    void production_code_never_reaches_the_fake_gateway() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.vitrine.tools..")
                .check(ORDERS);
    }
}
