package io.vitrine.customs.declaration;

class MariaDbDeclarationTest extends DeclarationSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.mariaDb();
    }
}
