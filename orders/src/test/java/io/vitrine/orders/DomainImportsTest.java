package io.vitrine.orders;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Domain code of this module reaches adapters only through ports; the Alipay SDK (36 MB, fastjson, its own
 * HTTP stack) stays inside the payment adapter (stack-notes.md).
 */
class DomainImportsTest {

    private static final JavaClasses ORDERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vitrine.orders");

    @Test
    void domain_code_imports_no_infra_package() {
        noClasses().that().resideOutsideOfPackage("..infra..")
                .should().dependOnClassesThat().resideInAPackage("..infra..")
                .check(ORDERS);
    }

    @Test
    void only_the_payment_adapter_uses_the_alipay_sdk() {
        noClasses().that().resideOutsideOfPackage("io.vitrine.orders.payment.infra..")
                .should().dependOnClassesThat().resideInAnyPackage("com.alipay..", "com.alibaba.fastjson..")
                .check(ORDERS);
    }

    @Test
    void production_code_never_reaches_the_fake_gateway() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.vitrine.tools..")
                .check(ORDERS);
    }
}
