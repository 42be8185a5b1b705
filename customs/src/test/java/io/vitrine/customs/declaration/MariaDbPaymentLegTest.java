package io.vitrine.customs.declaration;

class MariaDbPaymentLegTest extends PaymentLegSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.mariaDb();
    }
}
