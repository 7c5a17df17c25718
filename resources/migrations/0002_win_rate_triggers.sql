-- Win-rate matrices read competitor figures from deal_competitors alone. These triggers keep its
-- copies of the deal's fields (deal_outcome, deal_close_date, deal_created_date, deal_amount, deal_segment, deal_region,
-- deal_product_id, deal_type), its first_for_deal mark (one row per deal: the lowest competitor id) and deals.competitor_count
-- true on every write, whoever makes it (importer, editor, merge, demo). Then existing rows are filled.
-- A link to a deal that does not exist is left for the foreign key check to refuse, with its own message.
CREATE TRIGGER `deal_competitors_after_insert` AFTER INSERT ON `deal_competitors` BEGIN
  UPDATE `deal_competitors`
     SET (`deal_outcome`, `deal_close_date`, `deal_created_date`, `deal_amount`, `deal_segment`, `deal_region`, `deal_product_id`, `deal_type`) =
         (SELECT `outcome`, `close_date`, `created_date`, `amount`, `segment`, `region`, `product_id`, `deal_type` FROM `deals` WHERE `id` = NEW.`deal_id`)
   WHERE `deal_id` = NEW.`deal_id` AND `competitor_id` = NEW.`competitor_id`
     AND EXISTS (SELECT 1 FROM `deals` WHERE `id` = NEW.`deal_id`);
  UPDATE `deal_competitors`
     SET `first_for_deal` = (`competitor_id` = (SELECT min(x.`competitor_id`) FROM `deal_competitors` x WHERE x.`deal_id` = NEW.`deal_id`))
   WHERE `deal_id` = NEW.`deal_id`;
  UPDATE `deals` SET `competitor_count` = `competitor_count` + 1 WHERE `id` = NEW.`deal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_competitors_after_delete` AFTER DELETE ON `deal_competitors` BEGIN
  UPDATE `deal_competitors`
     SET `first_for_deal` = (`competitor_id` = (SELECT min(x.`competitor_id`) FROM `deal_competitors` x WHERE x.`deal_id` = OLD.`deal_id`))
   WHERE `deal_id` = OLD.`deal_id`;
  UPDATE `deals` SET `competitor_count` = `competitor_count` - 1 WHERE `id` = OLD.`deal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_competitors_after_move` AFTER UPDATE OF `deal_id`, `competitor_id` ON `deal_competitors` BEGIN
  UPDATE `deal_competitors`
     SET (`deal_outcome`, `deal_close_date`, `deal_created_date`, `deal_amount`, `deal_segment`, `deal_region`, `deal_product_id`, `deal_type`) =
         (SELECT `outcome`, `close_date`, `created_date`, `amount`, `segment`, `region`, `product_id`, `deal_type` FROM `deals` WHERE `id` = NEW.`deal_id`)
   WHERE `deal_id` = NEW.`deal_id` AND `competitor_id` = NEW.`competitor_id`
     AND EXISTS (SELECT 1 FROM `deals` WHERE `id` = NEW.`deal_id`);
  UPDATE `deal_competitors`
     SET `first_for_deal` = (`competitor_id` = (SELECT min(x.`competitor_id`) FROM `deal_competitors` x WHERE x.`deal_id` = `deal_competitors`.`deal_id`))
   WHERE `deal_id` IN (OLD.`deal_id`, NEW.`deal_id`);
  UPDATE `deals` SET `competitor_count` = `competitor_count` - 1 WHERE `id` = OLD.`deal_id`;
  UPDATE `deals` SET `competitor_count` = `competitor_count` + 1 WHERE `id` = NEW.`deal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `deals_after_update_win_rate_copies` AFTER UPDATE OF `outcome`, `close_date`, `created_date`, `amount`, `segment`, `region`, `product_id`, `deal_type` ON `deals` BEGIN
  UPDATE `deal_competitors`
     SET `deal_outcome` = NEW.`outcome`, `deal_close_date` = NEW.`close_date`, `deal_created_date` = NEW.`created_date`,
         `deal_amount` = NEW.`amount`, `deal_segment` = NEW.`segment`,
         `deal_region` = NEW.`region`, `deal_product_id` = NEW.`product_id`, `deal_type` = NEW.`deal_type`
   WHERE `deal_id` = NEW.`id`;
END;
--> statement-breakpoint
UPDATE `deal_competitors`
   SET (`deal_outcome`, `deal_close_date`, `deal_created_date`, `deal_amount`, `deal_segment`, `deal_region`, `deal_product_id`, `deal_type`) =
       (SELECT `outcome`, `close_date`, `created_date`, `amount`, `segment`, `region`, `product_id`, `deal_type` FROM `deals` WHERE `deals`.`id` = `deal_competitors`.`deal_id`);
--> statement-breakpoint
UPDATE `deal_competitors`
   SET `first_for_deal` = (`competitor_id` = (SELECT min(x.`competitor_id`) FROM `deal_competitors` x WHERE x.`deal_id` = `deal_competitors`.`deal_id`));
--> statement-breakpoint
UPDATE `deals` SET `competitor_count` = (SELECT count(*) FROM `deal_competitors` WHERE `deal_competitors`.`deal_id` = `deals`.`id`);
