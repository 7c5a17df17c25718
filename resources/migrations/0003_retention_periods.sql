-- Retention: per-customer revenue per period, and the triggers that keep its cache honest.
-- Custom SQL because drizzle cannot declare a WITHOUT ROWID table or triggers. Self-contained
-- apart from retention_dirty (the generated "retention" migration just before this one).
--
-- retention_periods holds, for each grain (months per period: 1, 3 or 12), each customer's
-- revenue in each period with revenue, beside its cohort (first period) and its revenue in that
-- first period (base, the cap used by gross revenue retention). The key is in the order the
-- cohort matrix reads it, so the matrix is one ordered scan with no sort; WITHOUT ROWID keeps the
-- row inside the key (one b-tree, no second copy).
CREATE TABLE `retention_periods` (
	`grain` integer NOT NULL,
	`cohort` integer NOT NULL,
	`period` integer NOT NULL,
	`account_id` integer NOT NULL,
	`revenue` real NOT NULL,
	`base` real NOT NULL,
	PRIMARY KEY (`grain`, `cohort`, `period`, `account_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Refreshing a few accounts removes their rows by account.
CREATE INDEX `retention_periods_account` ON `retention_periods` (`account_id`);
--> statement-breakpoint
-- Only won deals make revenue, so other deals never mark an account. "NOT EXISTS" rather than
-- "INSERT OR IGNORE": a trigger takes the conflict policy of the statement that fired it (an
-- ABORT from a cascade, a REPLACE from an upsert), so OR IGNORE cannot be relied on here.
CREATE TRIGGER `retention_deals_insert` AFTER INSERT ON `deals`
WHEN NEW.outcome = 'won' AND NEW.account_id IS NOT NULL
BEGIN
	INSERT INTO retention_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = NEW.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER `retention_deals_delete` AFTER DELETE ON `deals`
WHEN OLD.outcome = 'won' AND OLD.account_id IS NOT NULL
BEGIN
	INSERT INTO retention_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = OLD.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER `retention_deals_update`
AFTER UPDATE OF account_id, outcome, amount, deal_type, close_date, contract_start, contract_end ON `deals`
WHEN OLD.outcome = 'won' OR NEW.outcome = 'won'
BEGIN
	INSERT INTO retention_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = OLD.account_id);
	INSERT INTO retention_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = NEW.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER `retention_revenue_insert` AFTER INSERT ON `revenue_lines`
BEGIN
	INSERT INTO retention_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = NEW.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER `retention_revenue_delete` AFTER DELETE ON `revenue_lines`
BEGIN
	INSERT INTO retention_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = OLD.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER `retention_revenue_update` AFTER UPDATE OF account_id, period, amount, kind ON `revenue_lines`
BEGIN
	INSERT INTO retention_dirty (account_id) SELECT OLD.account_id WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = OLD.account_id);
	INSERT INTO retention_dirty (account_id) SELECT NEW.account_id WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = NEW.account_id);
END;
