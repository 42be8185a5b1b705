package io.vitrine.customs.declaration;

class MariaDbTaxBillTest extends TaxBillSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.mariaDb();
    }
}
