ALTER TABLE `quotes` ADD `external_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_external_id_unique` ON `quotes` (`external_id`);--> statement-breakpoint
CREATE INDEX `interview_ratings_interview` ON `interview_ratings` (`interview_id`);