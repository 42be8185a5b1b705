package io.vitrine.customs.declaration;

class MariaDbInventoryLegTest extends InventoryLegSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.mariaDb();
    }
}
