package io.vitrine.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The module rules of architecture.md, checked on the classes of every module as the application is
 * assembled: modules depend downwards only, customs talks to orders but never the reverse, the kernel
 * depends on no module, and domain code (anything outside {@code infra} packages and the api module)
 * imports no HTTP, JDBC, Redis, Elasticsearch, Lucene or Alipay types.
 */
class ArchitectureTest {

    private static JavaClasses vitrine;

    /** Test code (this module's, and the kernel's published test-jar) may use any infrastructure. */
    private static final ImportOption PRODUCTION_CODE_ONLY = (Location location) ->
            !location.contains("/test-classes/") && !location.contains("-tests.jar");

    @BeforeAll
    static void importClasses() {
        vitrine = new ClassFileImporter().withImportOption(PRODUCTION_CODE_ONLY).importPackages("io.vitrine");
    }

    @Test
    void modules_depend_downwards_only() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("api").definedBy("io.vitrine.api..")
                .layer("oversight").definedBy("io.vitrine.oversight..")
                .layer("customs").definedBy("io.vitrine.customs..")
                .layer("pos-integration").definedBy("io.vitrine.pos..")
                .layer("orders").definedBy("io.vitrine.orders..")
                .layer("catalog").definedBy("io.vitrine.catalog..")
                .layer("tenants").definedBy("io.vitrine.tenants..")
                .layer("kernel").definedBy("io.vitrine.kernel..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("oversight").mayOnlyBeAccessedByLayers("api")
                .whereLayer("customs").mayOnlyBeAccessedByLayers("api", "oversight")
                .whereLayer("pos-integration").mayOnlyBeAccessedByLayers("api", "oversight")
                .whereLayer("orders").mayOnlyBeAccessedByLayers("api", "oversight", "customs", "pos-integration")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("api", "oversight", "customs", "pos-integration", "orders")
                .whereLayer("tenants").mayOnlyBeAccessedByLayers("api", "oversight", "customs", "pos-integration", "orders", "catalog")
                .whereLayer("kernel").mayOnlyBeAccessedByLayers("api", "oversight", "customs", "pos-integration", "orders", "catalog", "tenants");

        rule.check(vitrine);
    }

    @Test
    void orders_never_imports_customs() {
        noClasses().that().resideInAPackage("io.vitrine.orders..")
                .should().dependOnClassesThat().resideInAPackage("io.vitrine.customs..")
                .allowEmptyShould(true)
                .check(vitrine);
    }

    @Test
    void the_kernel_depends_on_no_other_module() {
        noClasses().that().resideInAPackage("io.vitrine.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.vitrine.tenants..", "io.vitrine.catalog..", "io.vitrine.orders..", "io.vitrine.customs..",
                        "io.vitrine.pos..", "io.vitrine.oversight..", "io.vitrine.api..")
                .check(vitrine);
    }

    @Test
    void domain_code_imports_no_http_jdbc_or_vendor_sdk() {
        noClasses().that().resideInAPackage("io.vitrine..")
                .and().resideOutsideOfPackages("..infra..", "io.vitrine.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut.http..", "java.sql..", "javax.sql..", "io.micronaut.data.jdbc..",
                        "io.lettuce..", "co.elastic..", "org.elasticsearch..", "com.alipay..", "org.apache.lucene..",
                        "org.apache.poi..", "org.apache.commons.csv..")
                .because("adapters live in infra packages and HTTP only in api (architecture.md \"Inside a module\")")
                .check(vitrine);
    }
}
