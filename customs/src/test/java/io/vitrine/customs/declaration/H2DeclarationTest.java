package io.vitrine.customs.declaration;

class H2DeclarationTest extends DeclarationSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.h2();
    }
}
