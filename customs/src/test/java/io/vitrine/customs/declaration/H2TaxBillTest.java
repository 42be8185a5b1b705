package io.vitrine.customs.declaration;

class H2TaxBillTest extends TaxBillSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.h2();
    }
}
