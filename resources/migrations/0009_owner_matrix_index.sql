DROP INDEX `deals_owner`;--> statement-breakpoint
CREATE INDEX `deals_owner_matrix` ON `deals` (`owner_id`,`segment`,`outcome`,`deal_type`,`close_date`,`amount`);