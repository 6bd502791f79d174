-- What the service's database sessions wait on, sampled every 10 ms for 30 s from inside the server
-- (no client round trip per sample). Used for the "Ninth session" figures in BENCHMARKS.md.
-- Run it as the superuser against the service's database while a load runs, e.g. during the hand-out
-- rounds of bench/vote-ingest.sh (its PG* variables: see that script), then summarise:
--   psql -q -f bench/pg-wait-samples.sql
--   psql -Atq -c "SELECT count(*), state, wait_event_type, wait_event, query FROM pg_wait_sample
--                 GROUP BY 2, 3, 4, 5 ORDER BY 1 DESC LIMIT 20"
-- pg_stat_activity is read afresh each time (pg_stat_clear_snapshot); the samples become visible when
-- the loop's transaction commits at the end.
SET client_min_messages = warning;
DROP TABLE IF EXISTS pg_wait_sample;
CREATE TABLE pg_wait_sample (at timestamptz, state text, wait_event_type text, wait_event text, query text);
DO $$
DECLARE
  started timestamptz := clock_timestamp();
BEGIN
  WHILE clock_timestamp() < started + interval '30 seconds' LOOP
    PERFORM pg_stat_clear_snapshot();
    INSERT INTO pg_wait_sample
      SELECT clock_timestamp(), state, wait_event_type, wait_event,
             left(regexp_replace(query, '\s+', ' ', 'g'), 60)
      FROM pg_stat_activity
      WHERE usename = 'earshot' AND state <> 'idle' AND pid <> pg_backend_pid();
    PERFORM pg_sleep(0.01);
  END LOOP;
END $$;
