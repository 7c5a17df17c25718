CREATE TABLE `lead_touches` (
	`lead_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`touched_at` text NOT NULL,
	PRIMARY KEY(`lead_id`, `campaign_id`, `touched_at`),
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lead_touches_campaign` ON `lead_touches` (`campaign_id`);--> statement-breakpoint
DROP INDEX `leads_mql`;--> statement-breakpoint
DROP INDEX `leads_created`;--> statement-breakpoint
DROP INDEX `leads_deal`;--> statement-breakpoint
ALTER TABLE `leads` ADD `opportunity_date` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `customer_date` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `sourced_by` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `owner_id` integer REFERENCES owners(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `leads` ADD `status` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `disqualified` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `disqualified_reason` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `import_batch_id` integer REFERENCES import_batches(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `leads_batch` ON `leads` (`import_batch_id`);--> statement-breakpoint
CREATE INDEX `leads_mql` ON `leads` (`mql_date`,`created_date`,`sql_date`,`opportunity_date`,`customer_date`,`deal_id`,`disqualified`);--> statement-breakpoint
CREATE INDEX `leads_created` ON `leads` (`created_date`,`mql_date`,`sql_date`,`opportunity_date`,`customer_date`,`deal_id`,`disqualified`);--> statement-breakpoint
CREATE INDEX `leads_deal` ON `leads` (`deal_id`,`mql_date`,`created_date`);