-- Customs' real-time requests for an order's payment data (the "179" interface, customs.paymentdata, issue #6).
-- One row per customs session id: a request repeated with the same sessionID is recorded (and answered) once. The
-- tenant is that of the declared order; an order no declaration knows is recorded with no tenant and answered
-- 20000 at once, never uploaded. The upload (payExInfoStr) is built after the request is committed and sent through
-- the exchange channel by the outbox; its guid is fixed on the first attempt so every retry sends the same message.
CREATE TABLE payment_data_requests (
    session_id      VARCHAR(64)   NOT NULL,
    order_no        VARCHAR(60)   NOT NULL,
    tenant_id       VARCHAR(36)   NULL,
    service_time    BIGINT        NOT NULL,  -- customs' serviceTime, epoch milliseconds
    received_at     DATETIME(6)   NOT NULL,
    deadline_at     DATETIME(6)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,  -- PENDING, ANSWERED, UNKNOWN_ORDER
    upload_guid     VARCHAR(36)   NULL,      -- payExchangeInfoHead.guid
    attempts        INT           NOT NULL DEFAULT 0,
    last_error      VARCHAR(500)  NULL,
    answered_at     DATETIME(6)   NULL,
    deadline_met    BOOLEAN       NULL,
    upload          MEDIUMTEXT    NULL,      -- the signed payExInfoStr as sent
    PRIMARY KEY (session_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_payment_data_requests_tenant_order ON payment_data_requests (tenant_id, order_no);
CREATE INDEX ix_payment_data_requests_status ON payment_data_requests (status, deadline_at);
