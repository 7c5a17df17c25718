CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text,
	`name` text NOT NULL,
	`sector` text,
	`employee_band` text,
	`revenue_band` text,
	`segment` text,
	`region` text,
	`country` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_external_id_unique` ON `accounts` (`external_id`);--> statement-breakpoint
CREATE INDEX `accounts_name` ON `accounts` (`name`);--> statement-breakpoint
CREATE TABLE `competitor_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competitor_id` integer NOT NULL,
	`alias` text NOT NULL,
	`alias_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`competitor_id`) REFERENCES `competitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competitor_aliases_key` ON `competitor_aliases` (`alias_key`);--> statement-breakpoint
CREATE INDEX `competitor_aliases_competitor` ON `competitor_aliases` (`competitor_id`);--> statement-breakpoint
CREATE TABLE `competitor_merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_name` text NOT NULL,
	`from_competitor_id` integer NOT NULL,
	`into_competitor_id` integer NOT NULL,
	`snapshot_json` text NOT NULL,
	`merged_at` text NOT NULL,
	`undone_at` text,
	FOREIGN KEY (`into_competitor_id`) REFERENCES `competitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `competitors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`website` text,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competitors_name` ON `competitors` (`name`);--> statement-breakpoint
CREATE TABLE `deal_competitors` (
	`deal_id` integer NOT NULL,
	`competitor_id` integer NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	`strengths` text,
	`weaknesses` text,
	PRIMARY KEY(`deal_id`, `competitor_id`),
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`competitor_id`) REFERENCES `competitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deal_competitors_competitor` ON `deal_competitors` (`competitor_id`,`is_primary`,`deal_id`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text,
	`name` text NOT NULL,
	`account_id` integer,
	`amount` real,
	`currency` text DEFAULT 'USD' NOT NULL,
	`product_id` integer,
	`owner_id` integer,
	`team_id` integer,
	`deal_type` text DEFAULT 'new_business' NOT NULL,
	`lead_source_id` integer,
	`sourced_by` text,
	`segment` text,
	`region` text,
	`created_date` text,
	`mql_date` text,
	`sql_date` text,
	`close_date` text,
	`stage` text,
	`outcome` text DEFAULT 'open' NOT NULL,
	`lost_to_competitor_id` integer,
	`rep_reason_id` integer,
	`rep_reason_text` text,
	`contract_start` text,
	`contract_end` text,
	`import_batch_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`lead_source_id`) REFERENCES `lead_sources`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`lost_to_competitor_id`) REFERENCES `competitors`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`rep_reason_id`) REFERENCES `reasons`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "deals_amount_nonneg" CHECK("deals"."amount" IS NULL OR "deals"."amount" >= 0),
	CONSTRAINT "deals_closed_has_date" CHECK("deals"."outcome" = 'open' OR "deals"."close_date" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deals_external_id_unique` ON `deals` (`external_id`);--> statement-breakpoint
CREATE INDEX `deals_close_outcome` ON `deals` (`close_date`,`outcome`,`amount`);--> statement-breakpoint
CREATE INDEX `deals_outcome_amount` ON `deals` (`outcome`,`amount`);--> statement-breakpoint
CREATE INDEX `deals_account` ON `deals` (`account_id`);--> statement-breakpoint
CREATE INDEX `deals_owner` ON `deals` (`owner_id`);--> statement-breakpoint
CREATE INDEX `deals_name` ON `deals` (`name`);--> statement-breakpoint
CREATE INDEX `deals_batch` ON `deals` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page` text NOT NULL,
	`name` text NOT NULL,
	`state_json` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saved_views_page` ON `saved_views` (`page`,`name`);--> statement-breakpoint
CREATE TABLE `stage_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`stage` text NOT NULL,
	`entered_at` text NOT NULL,
	`amount` real,
	`import_batch_id` integer,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `stage_history_deal` ON `stage_history` (`deal_id`,`entered_at`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`source_name` text NOT NULL,
	`mapping_name` text,
	`status` text NOT NULL,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`rows_inserted` integer DEFAULT 0 NOT NULL,
	`rows_updated` integer DEFAULT 0 NOT NULL,
	`rows_unchanged` integer DEFAULT 0 NOT NULL,
	`rows_rejected` integer DEFAULT 0 NOT NULL,
	`detail_json` text DEFAULT '{}' NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`undone_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "import_batches_counts" CHECK("import_batches"."rows_read" >= 0 AND "import_batches"."rows_rejected" >= 0)
);
--> statement-breakpoint
CREATE INDEX `import_batches_finished` ON `import_batches` (`finished_at`);--> statement-breakpoint
CREATE TABLE `import_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`change` text NOT NULL,
	`before_json` text,
	`fields_json` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_changes_batch` ON `import_changes` (`batch_id`,`entity`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`mapping_json` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_mappings_name_unique` ON `import_mappings` (`name`);--> statement-breakpoint
CREATE TABLE `interview_guides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`default_for` text,
	`sections_json` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interview_guides_name_unique` ON `interview_guides` (`name`);--> statement-breakpoint
CREATE TABLE `interview_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`interview_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`competitor_id` integer,
	`rating` integer NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `rating_criteria`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`competitor_id`) REFERENCES `competitors`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "interview_ratings_range" CHECK("interview_ratings"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interview_ratings_us` ON `interview_ratings` (`interview_id`,`criterion_id`) WHERE "interview_ratings"."competitor_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `interview_ratings_competitor` ON `interview_ratings` (`interview_id`,`criterion_id`,`competitor_id`) WHERE "interview_ratings"."competitor_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `interview_ratings_criterion` ON `interview_ratings` (`criterion_id`,`competitor_id`);--> statement-breakpoint
CREATE TABLE `interview_reasons` (
	`interview_id` integer NOT NULL,
	`reason_id` integer NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	`driver` text NOT NULL,
	PRIMARY KEY(`interview_id`, `reason_id`),
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reason_id`) REFERENCES `reasons`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `interview_reasons_reason` ON `interview_reasons` (`reason_id`,`driver`,`is_primary`);--> statement-breakpoint
CREATE UNIQUE INDEX `interview_reasons_one_primary` ON `interview_reasons` (`interview_id`) WHERE "interview_reasons"."is_primary" = 1;--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text,
	`deal_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`interviewee_name` text,
	`interviewee_role` text,
	`interviewee_title` text,
	`interviewer_type` text,
	`channel` text,
	`interview_date` text,
	`consent_to_quote` integer DEFAULT false NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`guide_id` integer,
	`answers_json` text DEFAULT '{}' NOT NULL,
	`buyer_statement` text,
	`notes` text,
	`import_batch_id` integer,
	`completed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`guide_id`) REFERENCES `interview_guides`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interviews_external_id_unique` ON `interviews` (`external_id`);--> statement-breakpoint
CREATE INDEX `interviews_deal` ON `interviews` (`deal_id`);--> statement-breakpoint
CREATE INDEX `interviews_status_date` ON `interviews` (`status`,`interview_date`);--> statement-breakpoint
CREATE TABLE `quote_themes` (
	`quote_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	PRIMARY KEY(`quote_id`, `theme_id`),
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quote_themes_theme` ON `quote_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`interview_id` integer NOT NULL,
	`text` text NOT NULL,
	`sentiment` text DEFAULT 'neutral' NOT NULL,
	`shareable` integer DEFAULT false NOT NULL,
	`competitor_id` integer,
	`reason_id` integer,
	`sort` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`competitor_id`) REFERENCES `competitors`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reason_id`) REFERENCES `reasons`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `quotes_interview` ON `quotes` (`interview_id`);--> statement-breakpoint
CREATE INDEX `quotes_competitor` ON `quotes` (`competitor_id`);--> statement-breakpoint
CREATE TABLE `rating_criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`retired_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_criteria_key_unique` ON `rating_criteria` (`key`);--> statement-breakpoint
CREATE TABLE `themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `themes_name_unique` ON `themes` (`name`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`start_date` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_name_unique` ON `campaigns` (`name`);--> statement-breakpoint
CREATE TABLE `deal_qualifications` (
	`deal_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`met` integer NOT NULL,
	PRIMARY KEY(`deal_id`, `criterion_id`),
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `qualification_criteria`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "deal_qualifications_met" CHECK("deal_qualifications"."met" IN (0, 1))
);
--> statement-breakpoint
CREATE TABLE `deal_touches` (
	`deal_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`touched_at` text NOT NULL,
	PRIMARY KEY(`deal_id`, `campaign_id`, `touched_at`),
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deal_touches_campaign` ON `deal_touches` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `lead_qualifications` (
	`lead_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`met` integer NOT NULL,
	PRIMARY KEY(`lead_id`, `criterion_id`),
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `qualification_criteria`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `lead_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sourced_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lead_sources_name_unique` ON `lead_sources` (`name`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text,
	`account_id` integer,
	`lead_source_id` integer,
	`created_date` text NOT NULL,
	`mql_date` text,
	`sql_date` text,
	`deal_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`lead_source_id`) REFERENCES `lead_sources`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_external_id_unique` ON `leads` (`external_id`);--> statement-breakpoint
CREATE INDEX `leads_mql` ON `leads` (`mql_date`,`sql_date`,`deal_id`);--> statement-breakpoint
CREATE INDEX `leads_created` ON `leads` (`created_date`);--> statement-breakpoint
CREATE INDEX `leads_deal` ON `leads` (`deal_id`);--> statement-breakpoint
CREATE TABLE `qualification_criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `qualification_criteria_key_unique` ON `qualification_criteria` (`key`);--> statement-breakpoint
CREATE TABLE `owners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text,
	`name` text NOT NULL,
	`email` text,
	`team_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `owners_external_id_unique` ON `owners` (`external_id`);--> statement-breakpoint
CREATE INDEX `owners_team` ON `owners` (`team_id`);--> statement-breakpoint
CREATE INDEX `owners_name` ON `owners` (`name`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`product_line` text,
	`list_price` real,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_name_unique` ON `products` (`name`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_unique` ON `teams` (`name`);--> statement-breakpoint
CREATE TABLE `reason_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`retired_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reason_categories_name_unique` ON `reason_categories` (`name`);--> statement-breakpoint
CREATE TABLE `reason_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`reason_id` integer,
	`category_id` integer,
	`detail_json` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reason_changes_at` ON `reason_changes` (`at`);--> statement-breakpoint
CREATE TABLE `reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_id` integer NOT NULL,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`retired_at` text,
	`merged_into_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `reason_categories`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `reasons_category` ON `reasons` (`category_id`,`sort`);--> statement-breakpoint
CREATE TABLE `revenue_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`period` text NOT NULL,
	`amount` real NOT NULL,
	`kind` text NOT NULL,
	`external_id` text,
	`import_batch_id` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "revenue_lines_period" CHECK("revenue_lines"."period" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-01')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `revenue_lines_external_id_unique` ON `revenue_lines` (`external_id`);--> statement-breakpoint
CREATE INDEX `revenue_lines_account_period` ON `revenue_lines` (`account_id`,`period`,`amount`);--> statement-breakpoint
CREATE INDEX `revenue_lines_batch` ON `revenue_lines` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
