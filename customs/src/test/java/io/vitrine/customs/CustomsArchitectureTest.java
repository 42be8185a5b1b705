package io.vitrine.customs;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Signing and exchange keep crypto libraries, HTTP and file-system adapters in their {@code infra}
 * packages (architecture.md "Inside a module"; api's ArchitectureTest checks the module-wide rules).
 */
class CustomsArchitectureTest {

    private static final JavaClasses CUSTOMS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vitrine.customs");

    @Test
    void signing_and_exchange_domain_code_imports_no_crypto_library_or_http() {
        noClasses().that().resideInAnyPackage("io.vitrine.customs.signing", "io.vitrine.customs.exchange", "io.vitrine.customs.xml",
                        "io.vitrine.customs.declaration", "io.vitrine.customs.tax", "io.vitrine.customs.paymentdata")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.bouncycastle..", "org.apache.xml.security..", "io.micronaut.http..", "java.net.http..", "java.sql..")
                .check(CUSTOMS);
    }

    @Test
    void domain_code_never_reaches_into_infra() {
        noClasses().that().resideInAnyPackage("io.vitrine.customs.signing", "io.vitrine.customs.exchange", "io.vitrine.customs.xml",
                        "io.vitrine.customs.declaration", "io.vitrine.customs.tax", "io.vitrine.customs.paymentdata")
                .should().dependOnClassesThat().resideInAPackage("..infra..")
                .check(CUSTOMS);
    }
}
