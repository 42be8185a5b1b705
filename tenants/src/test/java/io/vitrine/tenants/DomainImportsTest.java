package io.vitrine.tenants;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Domain code of this module reaches adapters only through ports; only {@code infra} wires them. */
class DomainImportsTest {

    private static final JavaClasses TENANTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vitrine.tenants");

    @Test
    void domain_code_imports_no_infra_package() {
        noClasses().that().resideOutsideOfPackage("..infra..")
                .should().dependOnClassesThat().resideInAPackage("..infra..")
                .check(TENANTS);
    }
}
