ALTER TABLE `import_changes` ADD `entity_id_last` integer;--> statement-breakpoint
CREATE INDEX `deals_amount_close` ON `deals` (`amount`,`close_date`);--> statement-breakpoint
CREATE INDEX `deals_close` ON `deals` (`close_date`);--> statement-breakpoint
CREATE INDEX `deals_created` ON `deals` (`created_date`);