-- Substring search ("LIKE '%term%'") over the folded search text of the incoming register and of published
-- portal answers, served by trigram indexes instead of reading every row. pg_trgm ships with PostgreSQL and is a
-- trusted extension (the database owner may create it). Where it cannot be created, searches still work, by
-- scanning: the migration says so and goes on rather than keeping GovFlow from starting.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX IF NOT EXISTS ix_inc_document_search ON inc_document USING gin (search_text gin_trgm_ops);
  CREATE INDEX IF NOT EXISTS ix_portal_question_search ON portal_question USING gin (search_text gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'pg_trgm not available (%): register and portal searches will scan', SQLERRM;
END
$$;
