package io.vitrine.customs.declaration;

class H2InventoryLegTest extends InventoryLegSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.h2();
    }
}
