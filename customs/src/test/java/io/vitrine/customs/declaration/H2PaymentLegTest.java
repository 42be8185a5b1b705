package io.vitrine.customs.declaration;

class H2PaymentLegTest extends PaymentLegSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.h2();
    }
}
