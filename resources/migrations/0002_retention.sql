CREATE TABLE `retention_customers` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`first_month` integer NOT NULL,
	`source` text NOT NULL,
	`winning_deal_id` integer
);
--> statement-breakpoint
CREATE TABLE `retention_dirty` (
	`account_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `retention_left_out` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`no_amount` integer NOT NULL,
	`bad_dates` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `retention_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
DROP INDEX `revenue_lines_account_period`;--> statement-breakpoint
CREATE INDEX `revenue_lines_account_kind_period` ON `revenue_lines` (`account_id`,`kind`,`period`,`amount`);--> statement-breakpoint
CREATE INDEX `revenue_lines_period` ON `revenue_lines` (`period`);