package io.vitrine.customs.declaration;

class H2PaymentDataTest extends PaymentDataSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.h2();
    }
}
