-- POS event ingest (issue #8, io.vitrine.pos.events): one row per event a device sent and we accepted. The
-- primary key is the idempotency key: a device's event id, within its tenant. Whichever app instance inserts the
-- row first applies the event; every other insert of the same key (a retry, a replay, a second instance racing)
-- is refused by the key and answered DUPLICATE (or REJECTED as a conflict when its payload hash differs).
-- Rejected events are not kept: the device keeps them and may send them again once corrected.
CREATE TABLE pos_events (
    tenant_id     VARCHAR(36)  NOT NULL,
    device_key    VARCHAR(128) NOT NULL,
    event_id      VARCHAR(64)  NOT NULL,  -- client-generated, [A-Za-z0-9._:-]{1,64}
    store_code    VARCHAR(32)  NOT NULL,  -- the device's store
    event_type    VARCHAR(16)  NOT NULL,  -- SALE, RETURN, STOCK_COUNT, HEARTBEAT
    occurred_at   DATETIME(6)  NOT NULL,  -- the device's clock
    received_at   DATETIME(6)  NOT NULL,  -- ours
    payload_hash  CHAR(64)     NOT NULL,  -- SHA-256 hex of the event as parsed, to tell a replay from a conflict
    receipt_no    VARCHAR(64)  NULL,      -- SALE and RETURN
    PRIMARY KEY (tenant_id, device_key, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Store stock (io.vitrine.pos.storestock): display samples and duty-paid goods on a store's shelves, apart from
-- the bonded warehouse stock (stock_levels). Every accepted SALE, RETURN and STOCK_COUNT line is one row here;
-- levels and the reconciliation report are worked out from these rows by occurred_at, never by arrival order.
CREATE TABLE store_stock_movements (
    tenant_id     VARCHAR(36)  NOT NULL,
    device_key    VARCHAR(128) NOT NULL,
    event_id      VARCHAR(64)  NOT NULL,
    line_no       INT          NOT NULL,
    store_code    VARCHAR(32)  NOT NULL,
    sku           VARCHAR(64)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,  -- SALE, RETURN, COUNT
    quantity      BIGINT       NOT NULL,  -- SALE: minus the units sold, RETURN: plus the units back, COUNT: counted
    occurred_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, device_key, event_id, line_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_store_stock_movements_sku ON store_stock_movements (tenant_id, store_code, sku, occurred_at);

-- The level per store and SKU: the latest count by occurred_at (ties by device and event id) plus the movements
-- that occurred after it. Rewritten under this row's lock whenever an event touches it.
CREATE TABLE store_stock (
    tenant_id     VARCHAR(36)  NOT NULL,
    store_code    VARCHAR(32)  NOT NULL,
    sku           VARCHAR(64)  NOT NULL,
    on_hand       BIGINT       NOT NULL,
    counted_qty   BIGINT       NULL,      -- the latest count, NULL before the first
    counted_at    DATETIME(6)  NULL,
    counted_event VARCHAR(200) NULL,      -- device_key/event_id of that count, the tie-break
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, store_code, sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Fleet status from POS heartbeats (io.vitrine.pos.fleet): when we last heard one, and what the latest one by
-- the device's clock said. The fleet console and offline alerts read it through DeviceStatuses.
CREATE TABLE pos_device_status (
    tenant_id         VARCHAR(36)  NOT NULL,
    device_key        VARCHAR(128) NOT NULL,
    store_code        VARCHAR(32)  NOT NULL,
    last_seen_at      DATETIME(6)  NOT NULL,  -- our clock: the latest heartbeat received
    last_heartbeat_at DATETIME(6)  NOT NULL,  -- the device's clock: the latest heartbeat by occurred_at
    app_version       VARCHAR(64)  NULL,      -- as that heartbeat said
    clock_skew_ms     BIGINT       NOT NULL,  -- received_at - occurred_at of that heartbeat (includes time queued offline)
    PRIMARY KEY (tenant_id, device_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_pos_device_status_seen ON pos_device_status (tenant_id, last_seen_at);
