package io.vitrine.oversight.risk;

class H2RiskTest extends RiskSuite {
    @Override
    protected RiskContexts.Screening screening() {
        return RiskContexts.h2();
    }
}
