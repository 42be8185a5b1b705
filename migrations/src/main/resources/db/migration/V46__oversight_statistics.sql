-- The park's statistics (issue #9, oversight io.vitrine.oversight.stats): aggregates kept up to date from outbox
-- events, so a dashboard never scans the orders table. One row per grain, period and key:
--   grain  T  per tenant                     (store_code, trade_mode, origin_country all '')
--          S  per tenant and store           (trade_mode, origin_country '')
--          M  per tenant, trade mode and origin country (store_code '')
--   period_kind D a China day (period_start = the day), M a China month (period_start = its first day)
-- Every event adds to the six rows of its order's keys (three grains, day and month), so a year's query reads
-- months, and days only at the range's edges. Counters only grow; clearance times are a serialized HdrHistogram
-- (seconds from the declaration's opening to customs' release), merged when rows are read.
CREATE TABLE stats_rollups (
    grain                CHAR(1)         NOT NULL,
    period_kind          CHAR(1)         NOT NULL,
    tenant_id            VARCHAR(36)     NOT NULL,
    period_start         DATE            NOT NULL,
    store_code           VARCHAR(32)     NOT NULL,
    trade_mode           VARCHAR(8)      NOT NULL,
    origin_country       VARCHAR(3)      NOT NULL,
    orders_paid          BIGINT          NOT NULL DEFAULT 0,
    gmv_fen              BIGINT          NOT NULL DEFAULT 0,   -- what shoppers paid: goods + freight + tax - discount
    tax_fen              BIGINT          NOT NULL DEFAULT 0,   -- cross-border tax collected
    declarations_decided BIGINT          NOT NULL DEFAULT 0,   -- declarations whose first customs decision came
    declarations_passed  BIGINT          NOT NULL DEFAULT 0,   -- ... and was the release
    released             BIGINT          NOT NULL DEFAULT 0,   -- declarations released (each once)
    clearance_histogram  VARBINARY(16000) NULL,                -- HdrHistogram of their clearance seconds
    returns_received     BIGINT          NOT NULL DEFAULT 0,   -- returns whose goods came back (each once)
    returned_fen         BIGINT          NOT NULL DEFAULT 0,   -- what they refund
    kiosk_samples        BIGINT          NOT NULL DEFAULT 0,   -- kiosks counted by the fleet samples (T and S only)
    kiosk_online_samples BIGINT          NOT NULL DEFAULT 0,   -- ... online at the time: uptime = online / samples
    kiosk_days           BIGINT          NOT NULL DEFAULT 0,   -- kiosks seen online, once per kiosk and day
    PRIMARY KEY (grain, period_kind, tenant_id, period_start, store_code, trade_mode, origin_country)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- a platform admin's query reads every tenant of a range
CREATE INDEX ix_stats_rollups_period ON stats_rollups (grain, period_kind, period_start);

-- What the statistics know of each order: its keys (read once through orders' Java API), whether its payment was
-- counted, and customs' first decision on its declaration (PASSED or REJECTED), so each counts once.
CREATE TABLE stats_orders (
    order_no       VARCHAR(64) NOT NULL,
    tenant_id      VARCHAR(36) NOT NULL,
    store_code     VARCHAR(32) NOT NULL,
    trade_mode     VARCHAR(8)  NOT NULL,
    origin_country VARCHAR(3)  NOT NULL,
    paid_counted   BOOLEAN     NOT NULL DEFAULT FALSE,
    first_decision VARCHAR(8)  NULL,
    released       BOOLEAN     NOT NULL DEFAULT FALSE,
    recorded_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Returns counted (one row per return number: ReturnReceived is published again on each refund retry).
CREATE TABLE stats_returns (
    return_no   VARCHAR(64) NOT NULL,
    tenant_id   VARCHAR(36) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    PRIMARY KEY (return_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Kiosk samples (KioskSampling): each slot of the sampling interval is taken once, whatever the instances, and each
-- kiosk seen online counts once per China day.
CREATE TABLE stats_kiosk_slots (
    slot_start  DATETIME(6) NOT NULL,
    sampled_at  DATETIME(6) NOT NULL,
    kiosks      INT         NOT NULL,
    PRIMARY KEY (slot_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE stats_kiosk_days (
    seen_day    DATE         NOT NULL,
    device_key  VARCHAR(128) NOT NULL,
    tenant_id   VARCHAR(36)  NOT NULL,
    store_code  VARCHAR(32)  NOT NULL,
    PRIMARY KEY (seen_day, device_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
