package io.vitrine.oversight.risk;

import io.vitrine.customs.declaration.DeclarationContexts;

class H2RiskTest extends RiskSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.h2();
    }
}
