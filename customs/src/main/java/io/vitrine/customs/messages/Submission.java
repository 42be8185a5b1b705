package io.vitrine.customs.messages;

/** How a declaration is sent: new or corrected ({@link AppType}), draft or declared ({@link AppStatus}), by whom. */
public record Submission(AppType appType, AppStatus appStatus, BaseTransfer baseTransfer) {

    /** A new declaration, to customs. */
    public static Submission declare(BaseTransfer transfer) {
        return new Submission(AppType.ADD, AppStatus.DECLARE, transfer);
    }

    /** A corrected declaration after a rejection (returnStatus 100): appType 2. */
    public static Submission correct(BaseTransfer transfer) {
        return new Submission(AppType.CHANGE, AppStatus.DECLARE, transfer);
    }
}
