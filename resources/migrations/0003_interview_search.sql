-- Full-text search over what buyers said: the interview's statement, notes and guide answers, and
-- every quote. Two FTS5 tables keyed by the source row's id (rowid), so a trigger updates one row
-- by rowid instead of scanning. They keep their own copy of the text (not external content):
-- answers are stored as JSON and only their values are indexed, and highlight()/snippet() need
-- the text. Triggers keep both in step with interviews and quotes; the last two statements index
-- the rows that exist already (workspaces created before this migration, the demo).
-- Self-contained: it can be renumbered at merge.
CREATE VIRTUAL TABLE `interview_fts` USING fts5(
  statement,
  notes,
  answers,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `quote_fts` USING fts5(
  text,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER `interviews_fts_insert` AFTER INSERT ON `interviews` BEGIN
  INSERT INTO interview_fts (rowid, statement, notes, answers)
  VALUES (
    new.id,
    coalesce(new.buyer_statement, ''),
    coalesce(new.notes, ''),
    CASE WHEN json_valid(new.answers_json)
      THEN coalesce((SELECT group_concat(value, char(10)) FROM json_each(new.answers_json) WHERE type = 'text'), '')
      ELSE '' END
  );
END;
--> statement-breakpoint
CREATE TRIGGER `interviews_fts_update` AFTER UPDATE OF buyer_statement, notes, answers_json ON `interviews`
WHEN old.buyer_statement IS NOT new.buyer_statement OR old.notes IS NOT new.notes OR old.answers_json IS NOT new.answers_json
BEGIN
  UPDATE interview_fts SET
    statement = coalesce(new.buyer_statement, ''),
    notes = coalesce(new.notes, ''),
    answers = CASE WHEN json_valid(new.answers_json)
      THEN coalesce((SELECT group_concat(value, char(10)) FROM json_each(new.answers_json) WHERE type = 'text'), '')
      ELSE '' END
  WHERE rowid = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `interviews_fts_delete` AFTER DELETE ON `interviews` BEGIN
  DELETE FROM interview_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_fts_insert` AFTER INSERT ON `quotes` BEGIN
  INSERT INTO quote_fts (rowid, text) VALUES (new.id, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_fts_update` AFTER UPDATE OF text ON `quotes` WHEN old.text IS NOT new.text BEGIN
  UPDATE quote_fts SET text = new.text WHERE rowid = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_fts_delete` AFTER DELETE ON `quotes` BEGIN
  DELETE FROM quote_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO interview_fts (rowid, statement, notes, answers)
SELECT
  id,
  coalesce(buyer_statement, ''),
  coalesce(notes, ''),
  CASE WHEN json_valid(answers_json)
    THEN coalesce((SELECT group_concat(value, char(10)) FROM json_each(answers_json) WHERE type = 'text'), '')
    ELSE '' END
FROM interviews;
--> statement-breakpoint
INSERT INTO quote_fts (rowid, text) SELECT id, text FROM quotes;
