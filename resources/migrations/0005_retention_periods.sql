-- Retention: per-customer revenue per period, and the triggers that keep its cache honest.
-- Custom SQL because drizzle cannot declare a WITHOUT ROWID table or triggers. Self-contained
-- apart from retention_dirty and retention_group_cells (the generated "retention" migration just
-- before this one).
--
-- retention_periods holds, for each grain (months per period: 1, 3 or 12), each customer's
-- revenue in each period with revenue, beside its cohort (first period), that revenue capped at
-- its first-period revenue (capped: what GRR adds up), and its revenue one period before (prev),
-- one period after (next) and twelve months after (ahead), each NULL when it had none: revenue
-- movements and the twelve-month lookback then read each row once instead of looking up its
-- neighbours. The key is in the order the cohort matrix reads it, so the matrix is one ordered
-- scan with no sort; WITHOUT ROWID keeps the row inside the key (one b-tree, no second copy).
CREATE TABLE `retention_periods` (
	`grain` integer NOT NULL,
	`cohort` integer NOT NULL,
	`period` integer NOT NULL,
	`account_id` integer NOT NULL,
	`revenue` real NOT NULL,
	`capped` real NOT NULL,
	`prev` real,
	`next` real,
	`ahead` real,
	PRIMARY KEY (`grain`, `cohort`, `period`, `account_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Refreshing a few accounts removes their rows by account.
CREATE INDEX `retention_periods_account` ON `retention_periods` (`account_id`);
--> statement-breakpoint
-- Only won deals make revenue, so other deals never mark an account. The account is marked once:
-- the WHEN clause skips accounts already listed, so a bulk import pays one index probe a row; and
-- no INSERT OR IGNORE, because a trigger takes the conflict policy of the statement that fired it
-- (an ABORT from a cascade, a REPLACE from an upsert).
CREATE TRIGGER `retention_deals_insert` AFTER INSERT ON `deals`
WHEN NEW.outcome = 'won' AND NEW.account_id IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = NEW.account_id)
BEGIN
	INSERT INTO retention_dirty (account_id) VALUES (NEW.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER `retention_deals_delete` AFTER DELETE ON `deals`
WHEN OLD.outcome = 'won' AND OLD.account_id IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = OLD.account_id)
BEGIN
	INSERT INTO retention_dirty (account_id) VALUES (OLD.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER `retention_deals_update`
AFTER UPDATE OF account_id, outcome, amount, deal_type, close_date, contract_start, contract_end ON `deals`
WHEN OLD.outcome = 'won' OR NEW.outcome = 'won'
BEGIN
	INSERT INTO retention_dirty (account_id) SELECT OLD.account_id
	 WHERE OLD.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = OLD.account_id);
	INSERT INTO retention_dirty (account_id) SELECT NEW.account_id
	 WHERE NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = NEW.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER `retention_revenue_insert` AFTER INSERT ON `revenue_lines`
WHEN NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = NEW.account_id)
BEGIN
	INSERT INTO retention_dirty (account_id) VALUES (NEW.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER `retention_revenue_delete` AFTER DELETE ON `revenue_lines`
WHEN NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = OLD.account_id)
BEGIN
	INSERT INTO retention_dirty (account_id) VALUES (OLD.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER `retention_revenue_update` AFTER UPDATE OF account_id, period, amount, kind ON `revenue_lines`
BEGIN
	INSERT INTO retention_dirty (account_id) SELECT OLD.account_id
	 WHERE NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = OLD.account_id);
	INSERT INTO retention_dirty (account_id) SELECT NEW.account_id
	 WHERE NOT EXISTS (SELECT 1 FROM retention_dirty WHERE account_id = NEW.account_id);
END;
--> statement-breakpoint
-- A split's cached cells (retention_group_cells) depend on what ties customers to why we won
-- them, which changes without touching revenue: these empty the cache when it does. The WHEN
-- clause keeps bulk imports cheap while the cache is empty.
CREATE TRIGGER `retention_groups_deals` AFTER UPDATE OF segment, region, product_id, lead_source_id, rep_reason_id, lost_to_competitor_id ON `deals`
WHEN (OLD.outcome = 'won' OR NEW.outcome = 'won') AND EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_groups_accounts` AFTER UPDATE OF segment, region, sector ON `accounts`
WHEN EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_groups_competitors_insert` AFTER INSERT ON `deal_competitors`
WHEN EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_groups_competitors_delete` AFTER DELETE ON `deal_competitors`
WHEN EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_groups_competitors_update` AFTER UPDATE ON `deal_competitors`
WHEN EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_groups_interviews_insert` AFTER INSERT ON `interviews`
WHEN EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_groups_interviews_delete` AFTER DELETE ON `interviews`
WHEN EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_groups_interviews_update` AFTER UPDATE OF deal_id, status, interview_date, completed_at ON `interviews`
WHEN EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_groups_reasons_insert` AFTER INSERT ON `interview_reasons`
WHEN EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_groups_reasons_delete` AFTER DELETE ON `interview_reasons`
WHEN EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_groups_reasons_update` AFTER UPDATE ON `interview_reasons`
WHEN EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_groups_reason_merge` AFTER UPDATE OF merged_into_id ON `reasons`
WHEN EXISTS (SELECT 1 FROM retention_group_cells)
BEGIN
	DELETE FROM retention_group_cells;
END;
