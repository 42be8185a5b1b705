package io.vitrine.oversight.risk;

class MariaDbRiskTest extends RiskSuite {
    @Override
    protected RiskContexts.Screening screening() {
        return RiskContexts.mariaDb();
    }
}
