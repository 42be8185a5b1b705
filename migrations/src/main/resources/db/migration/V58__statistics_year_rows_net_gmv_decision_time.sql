-- Statistics (issue #9, oversight io.vitrine.oversight.stats), after V46:
--   * period_kind Y: a China year by its January 1st, kept like the day and month rows. A year row is created from
--     the month rows of its year when its key is first written in that year (so years begun before this migration
--     are whole), then added to by each event.
--   * refunded_fen: refunds counted against GMV (returns' refunds and the full refund of an order refused at
--     clearance); net GMV = gmv_fen - refunded_fen. The returns counted before this migration are its refunds.
--   * stats_orders.first_decision_at: when customs took the first decision counted, so that an earlier decision
--     delivered later replaces it (the rows corrected). NULL for decisions recorded before this migration.
ALTER TABLE stats_rollups ADD COLUMN refunded_fen BIGINT NOT NULL DEFAULT 0;

UPDATE stats_rollups SET refunded_fen = returned_fen;

ALTER TABLE stats_orders ADD COLUMN first_decision_at DATETIME(6) NULL;
