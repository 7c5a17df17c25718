DROP INDEX `deals_close_outcome`;--> statement-breakpoint
DROP INDEX `deals_outcome_amount`;--> statement-breakpoint
ALTER TABLE `deals` ADD `competitor_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `deals_type_outcome_close` ON `deals` (`deal_type`,`outcome`,`close_date`,`amount`,`segment`,`region`,`product_id`);--> statement-breakpoint
CREATE INDEX `deals_lost_to` ON `deals` (`lost_to_competitor_id`,`outcome`,`close_date`);--> statement-breakpoint
CREATE INDEX `deals_segment_matrix` ON `deals` (`segment`,`outcome`,`close_date`,`deal_type`,`amount`);--> statement-breakpoint
CREATE INDEX `deals_close_matrix` ON `deals` (`close_date`,`outcome`,`deal_type`,`amount`,`segment`,`region`,`product_id`);--> statement-breakpoint
CREATE INDEX `deals_without_competitor` ON `deals` (`segment`,`outcome`,`close_date`,`deal_type`,`amount`,`region`,`product_id`) WHERE "deals"."competitor_count" = 0;--> statement-breakpoint
ALTER TABLE `deal_competitors` ADD `deal_outcome` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `deal_competitors` ADD `deal_close_date` text;--> statement-breakpoint
ALTER TABLE `deal_competitors` ADD `deal_created_date` text;--> statement-breakpoint
ALTER TABLE `deal_competitors` ADD `deal_amount` real;--> statement-breakpoint
ALTER TABLE `deal_competitors` ADD `deal_segment` text;--> statement-breakpoint
ALTER TABLE `deal_competitors` ADD `deal_region` text;--> statement-breakpoint
ALTER TABLE `deal_competitors` ADD `deal_product_id` integer;--> statement-breakpoint
ALTER TABLE `deal_competitors` ADD `deal_type` text;--> statement-breakpoint
ALTER TABLE `deal_competitors` ADD `first_for_deal` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `deal_competitors_matrix` ON `deal_competitors` (`competitor_id`,`deal_segment`,`deal_outcome`,`first_for_deal`,`is_primary`,`deal_close_date`,`deal_amount`,`deal_created_date`,`deal_type`,`deal_region`,`deal_product_id`);