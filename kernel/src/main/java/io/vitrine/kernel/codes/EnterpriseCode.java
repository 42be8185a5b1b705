package io.vitrine.kernel.codes;

/**
 * The code that identifies an enterprise in customs message fields (ebpCode, ebcCode, logisticsCode,
 * agentCode...): a 10-character customs registration code or an 18-character USCC, whichever the
 * enterprise registered with (domain.md: the fields accept a USCC too, up to 18 characters).
 */
public record EnterpriseCode(String value) {

    public EnterpriseCode {
        if (!(CustomsRegistrationCode.isValid(value) || UnifiedSocialCreditCode.isValid(value))
                || !CodeText.normalise(value).equals(value)) {
            throw new InvalidCodeException("enterpriseCode", "ENTERPRISE_CODE_FORM",
                    "an enterprise code is a 10-character customs registration code or an 18-character"
                            + " unified social credit code");
        }
    }

    public static EnterpriseCode parse(String raw) {
        return new EnterpriseCode(CodeText.normalise(raw));
    }

    public static boolean isValid(String raw) {
        return CodeText.parses(raw, EnterpriseCode::parse);
    }

    public boolean isUnifiedSocialCreditCode() {
        return value.length() == 18;
    }

    @Override
    public String toString() {
        return value;
    }
}
