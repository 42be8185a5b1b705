-- Statistics (issue #9, oversight io.vitrine.oversight.stats), after V58: week rows.
--   * period_kind W: a China ISO week (Monday to Sunday) by its Monday, kept like the day, month and year rows. A
--     week row is created from the day rows of its week when its key is first written in that week (so a week begun
--     before this migration is whole for the keys written since), then added to by each event. A range's edges (the
--     days not covered by whole years or months) read their whole weeks from week rows, the rest from day rows.
--   * stats_period_kinds: when the rows of a period kind began to be kept, for every tenant (not tenant data). A week
--     that ended before, or a key not written since in the week under way, has no week row although it has days:
--     only the weeks starting after the China day of kept_since (the database's date when this ran; the China day
--     may be one later) are read from week rows, the earlier ones from their day rows.
CREATE TABLE stats_period_kinds (
    period_kind CHAR(1) NOT NULL,
    kept_since  DATE    NOT NULL,
    PRIMARY KEY (period_kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

--   * the same for year rows (V58, just before): a year under way then has no year row for a key not written since.
--   * a database without statistics yet (a new installation) keeps every period from the start: 2000-01-01.
INSERT INTO stats_period_kinds (period_kind, kept_since)
SELECT 'W', CASE WHEN EXISTS (SELECT 1 FROM stats_rollups) THEN CURRENT_DATE ELSE DATE '2000-01-01' END;
INSERT INTO stats_period_kinds (period_kind, kept_since)
SELECT 'Y', CASE WHEN EXISTS (SELECT 1 FROM stats_rollups) THEN CURRENT_DATE ELSE DATE '2000-01-01' END;
