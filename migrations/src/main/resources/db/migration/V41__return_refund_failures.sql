-- A return refund Alipay refused for good (issue #7, orders.returns.RefundFailures: the trade gone, closed, or the
-- amount beyond what is left): the return becomes REFUND_FAILED and is no longer retried; the refund row keeps why,
-- for the shop's staff, until a merchant admin re-queues it (the same out_request_no, so it is never paid twice).
ALTER TABLE return_refunds ADD COLUMN failure_code VARCHAR(64) NULL;   -- Alipay's sub_code, e.g. ACQ.TRADE_NOT_EXIST
ALTER TABLE return_refunds ADD COLUMN failure VARCHAR(500) NULL;       -- Alipay's message, shortened
ALTER TABLE return_refunds ADD COLUMN failed_at DATETIME(6) NULL;
ALTER TABLE return_refunds ADD COLUMN retried_by VARCHAR(64) NULL;     -- the admin who last re-queued it
