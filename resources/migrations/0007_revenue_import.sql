DROP INDEX `revenue_lines_period`;--> statement-breakpoint
ALTER TABLE `revenue_lines` ADD `last_date` text;--> statement-breakpoint
CREATE INDEX `revenue_lines_period` ON `revenue_lines` (`period`,`last_date`);