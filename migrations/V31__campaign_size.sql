-- A campaign's regular pairs and raters, kept by triggers, so that an assignment's page (every
-- hand-out and play report) reads one row for the rater's expected share instead of counting the
-- campaign's raters and pairs each time: with 1,000 raters that count was most of the query.
CREATE TABLE campaign_size (
    campaign_id    UUID  PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
    regular_pairs  INT   NOT NULL DEFAULT 0,
    raters         INT   NOT NULL DEFAULT 0
);

INSERT INTO campaign_size (campaign_id, regular_pairs, raters)
SELECT c.id,
       (SELECT count(*) FROM campaign_pair p WHERE p.campaign_id = c.id AND NOT p.gold),
       (SELECT count(*) FROM campaign_rater r WHERE r.campaign_id = c.id)
  FROM campaign c;

-- Statement-level, from the transition tables: one update per statement and campaign, however
-- many rows the statement added. Rows removed only ever go with their campaign (a cascade), and a
-- plain UPDATE then finds nothing to adjust; an upsert there would add a row for a campaign that
-- is being deleted.
CREATE FUNCTION count_campaign_pairs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO campaign_size AS s (campaign_id, regular_pairs)
        SELECT campaign_id, count(*) FILTER (WHERE NOT gold) FROM changed GROUP BY campaign_id
            ON CONFLICT (campaign_id) DO UPDATE SET regular_pairs = s.regular_pairs + EXCLUDED.regular_pairs;
    ELSE
        UPDATE campaign_size s SET regular_pairs = s.regular_pairs - d.removed
          FROM (SELECT campaign_id, count(*) FILTER (WHERE NOT gold) AS removed
                  FROM changed GROUP BY campaign_id) d
         WHERE s.campaign_id = d.campaign_id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION count_campaign_raters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO campaign_size AS s (campaign_id, raters)
        SELECT campaign_id, count(*) FROM changed GROUP BY campaign_id
            ON CONFLICT (campaign_id) DO UPDATE SET raters = s.raters + EXCLUDED.raters;
    ELSE
        UPDATE campaign_size s SET raters = s.raters - d.removed
          FROM (SELECT campaign_id, count(*) AS removed FROM changed GROUP BY campaign_id) d
         WHERE s.campaign_id = d.campaign_id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER campaign_pair_size_added AFTER INSERT ON campaign_pair
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_campaign_pairs();
CREATE TRIGGER campaign_pair_size_removed AFTER DELETE ON campaign_pair
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_campaign_pairs();
CREATE TRIGGER campaign_rater_size_added AFTER INSERT ON campaign_rater
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_campaign_raters();
CREATE TRIGGER campaign_rater_size_removed AFTER DELETE ON campaign_rater
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_campaign_raters();
