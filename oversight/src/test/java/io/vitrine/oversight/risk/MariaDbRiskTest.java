package io.vitrine.oversight.risk;

import io.vitrine.customs.declaration.DeclarationContexts;

class MariaDbRiskTest extends RiskSuite {
    @Override
    protected DeclarationContexts.Declaring declaring() {
        return DeclarationContexts.mariaDb();
    }
}
