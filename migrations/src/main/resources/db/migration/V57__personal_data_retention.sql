-- Personal data retention (issue #10 "Personal data"; orders.privacy.PersonalDataRetention): when the buyer's and
-- consignee's sealed fields of a finished order were erased, past vitrine.privacy.retention.personal-data. Null
-- while they are kept. The round looks for finished orders not yet erased, the longest unchanged first.
ALTER TABLE orders ADD COLUMN personal_data_erased_at DATETIME(6) NULL;

CREATE INDEX ix_orders_retention ON orders (personal_data_erased_at, updated_at);
