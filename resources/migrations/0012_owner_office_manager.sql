ALTER TABLE `owners` ADD `office` text;--> statement-breakpoint
ALTER TABLE `owners` ADD `region` text;--> statement-breakpoint
ALTER TABLE `owners` ADD `manager` text;