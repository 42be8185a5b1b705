package io.vitrine.oversight.risk;

/** A rule matched: which, and the evidence in counts and windows (never personal data). */
public record Finding(RiskRule rule, String evidence) {
}
