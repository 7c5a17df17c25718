DROP INDEX `deals_outcome_amount`;--> statement-breakpoint
CREATE INDEX `deals_type_outcome_close` ON `deals` (`deal_type`,`outcome`,`close_date`,`amount`);