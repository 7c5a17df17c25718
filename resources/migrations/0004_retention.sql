CREATE TABLE `retention_cells` (
	`grain` integer NOT NULL,
	`cohort` integer NOT NULL,
	`period` integer NOT NULL,
	`active` integer NOT NULL,
	`revenue` real NOT NULL,
	`capped` real NOT NULL,
	`new_customers` integer NOT NULL,
	`new_revenue` real NOT NULL,
	`reactivation_customers` integer NOT NULL,
	`reactivation` real NOT NULL,
	`expansion_customers` integer NOT NULL,
	`expansion` real NOT NULL,
	`contraction_customers` integer NOT NULL,
	`contraction` real NOT NULL,
	`churn_customers` integer NOT NULL,
	`churn_revenue` real NOT NULL,
	`base_customers` integer NOT NULL,
	`base_revenue` real NOT NULL,
	`retained_customers` integer NOT NULL,
	`ahead_revenue` real NOT NULL,
	`ahead_capped` real NOT NULL,
	PRIMARY KEY(`grain`, `cohort`, `period`)
);
--> statement-breakpoint
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
CREATE TABLE `retention_group_cells` (
	`field` text NOT NULL,
	`grain` integer NOT NULL,
	`key` text NOT NULL,
	`cohort` integer NOT NULL,
	`period` integer NOT NULL,
	`active` integer NOT NULL,
	`revenue` real NOT NULL,
	`capped` real NOT NULL,
	PRIMARY KEY(`field`, `grain`, `key`, `cohort`, `period`)
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