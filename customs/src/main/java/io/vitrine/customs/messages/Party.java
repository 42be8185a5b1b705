package io.vitrine.customs.messages;

/**
 * An enterprise as the messages name it: its code (a 10-character customs registration code or an 18-character
 * USCC, kernel {@code EnterpriseCode}) and its registered name. The platform (ebp), the seller (ebc), the logistics
 * company, the declaring agent and the payment company are each one.
 */
public record Party(String code, String name) {
}
