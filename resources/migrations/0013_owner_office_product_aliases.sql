CREATE TABLE `product_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`alias` text NOT NULL,
	`alias_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_aliases_key` ON `product_aliases` (`alias_key`);--> statement-breakpoint
CREATE INDEX `product_aliases_product` ON `product_aliases` (`product_id`);--> statement-breakpoint
ALTER TABLE `owners` ADD `office` text;--> statement-breakpoint
ALTER TABLE `owners` ADD `region` text;--> statement-breakpoint
ALTER TABLE `owners` ADD `manager` text;