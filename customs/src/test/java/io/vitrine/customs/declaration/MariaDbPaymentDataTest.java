package io.vitrine.customs.declaration;

class MariaDbPaymentDataTest extends PaymentDataSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.mariaDb();
    }
}
