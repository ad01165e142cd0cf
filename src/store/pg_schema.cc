#include "pg_schema.h"

namespace pk::store {

namespace {

const char* const kPgV1 = R"sql(
CREATE TABLE schema_version(version integer NOT NULL);
CREATE TABLE places(
  id bigserial PRIMARY KEY,
  place_key text NOT NULL UNIQUE,
  geonameid bigint,
  name text NOT NULL,
  name_fold text NOT NULL,
  kind text NOT NULL,
  country text NOT NULL,
  admin1 text NOT NULL,
  admin2 text NOT NULL,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  geom geometry(Point, 4326));
CREATE INDEX places_name ON places(name_fold);
CREATE TABLE stories(
  id bigint PRIMARY KEY,
  canonical_article_id bigint,
  first_seen bigint,
  last_seen bigint,
  size integer NOT NULL DEFAULT 0);
CREATE TABLE articles(
  id bigserial PRIMARY KEY,
  dedup_key text NOT NULL UNIQUE,
  url text,
  canonical_url text NOT NULL,
  content_hash text NOT NULL,
  outlet text NOT NULL,
  site_title text NOT NULL,
  published text NOT NULL,
  updated text NOT NULL,
  sort_ts bigint NOT NULL,
  language text NOT NULL,
  title text NOT NULL,
  lead text NOT NULL,
  dateline text NOT NULL,
  agency text NOT NULL,
  author text NOT NULL,
  focus_place_id bigint REFERENCES places(id),
  focus_lat double precision,
  focus_lon double precision,
  focus geometry(Point, 4326),
  story_id bigint REFERENCES stories(id),
  ingested_at text NOT NULL,
  doc text NOT NULL,
  tsv tsvector NOT NULL);
CREATE INDEX articles_date ON articles(sort_ts, id);
CREATE INDEX articles_date_brin ON articles USING brin(sort_ts);
CREATE INDEX articles_focus ON articles USING gist(focus);
CREATE INDEX articles_tsv ON articles USING gin(tsv);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_story ON articles(story_id) WHERE story_id IS NOT NULL;
CREATE TABLE mentions(
  article_id bigint NOT NULL REFERENCES articles(id),
  ordinal integer NOT NULL,
  place_id bigint NOT NULL REFERENCES places(id),
  role text NOT NULL,
  field text NOT NULL,
  start_cp integer NOT NULL,
  end_cp integer NOT NULL,
  surface text NOT NULL,
  confidence double precision NOT NULL,
  PRIMARY KEY(article_id, ordinal));
CREATE INDEX mentions_place ON mentions(place_id);
INSERT INTO schema_version(version) VALUES (1);
)sql";

const char* const kPgV1ToV2 = R"sql(
CREATE TABLE article_regions(
  region text NOT NULL,
  sort_ts bigint NOT NULL,
  article_id bigint NOT NULL REFERENCES articles(id),
  PRIMARY KEY(region, sort_ts, article_id));
INSERT INTO article_regions(region, sort_ts, article_id)
  SELECT DISTINCT k.region, a.sort_ts, a.id
  FROM mentions m JOIN places p ON p.id = m.place_id JOIN articles a ON a.id = m.article_id,
  LATERAL (VALUES ('country:' || p.country),
                  (CASE WHEN p.admin1 <> '' THEN 'admin1:' || p.country || '.' || p.admin1 END),
                  (CASE WHEN p.admin1 <> '' AND p.admin2 <> '' THEN 'admin2:' || p.country || '.' || p.admin1 || '.' || p.admin2 END),
                  (CASE WHEN p.geonameid IS NOT NULL THEN 'place:' || p.geonameid END)) AS k(region)
  WHERE p.country <> '' AND k.region IS NOT NULL
  ON CONFLICT DO NOTHING;
CREATE INDEX articles_outlet ON articles(outlet, sort_ts);
UPDATE schema_version SET version = 2;
)sql";

// v2 → v3: LZ4 instead of pglz for the TOASTed document and tsvector (pglz_compress was the
// top symbol of bulk ingest, 14 % of the server's time; LZ4 compresses several times faster).
// Applies to new values only; skipped on a server built without LZ4.
const char* const kPgV2ToV3 = R"sql(
DO $$ BEGIN
  ALTER TABLE articles ALTER COLUMN doc SET COMPRESSION lz4;
  ALTER TABLE articles ALTER COLUMN tsv SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR undefined_object THEN NULL;
END $$;
UPDATE schema_version SET version = 3;
)sql";

// v3 → v4: text search ordered by date from the index alone. A GIN index knows which rows hold
// a word but not their dates, so "newest articles with word X" either walked the date index
// checking every row's tsvector or fetched every match's heap row and sorted (60–110 ms for a
// word in 1 % of 300k articles). RUM (Debian postgresql-15-rum) keeps sort_ts beside each
// posting and returns matches in date order: ~2 ms. It replaces the GIN index (RUM also
// answers the bitmap scans of relevance queries). Without the extension, or without the
// right to create it, the GIN index stays and queries use the old plan (PgStore::has_rum_).
const char* const kPgV3ToV4 = R"sql(
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') THEN
    -- In public, like PostGIS: an extension created in a per-tenant schema would vanish
    -- (with every RUM index of the database) when that schema is dropped.
    CREATE EXTENSION IF NOT EXISTS rum SCHEMA public;
    CREATE INDEX IF NOT EXISTS articles_tsv_rum ON articles
      USING rum (tsv rum_tsvector_addon_ops, sort_ts) WITH (attach = 'sort_ts', to = 'tsv');
    DROP INDEX IF EXISTS articles_tsv;
  END IF;
EXCEPTION WHEN insufficient_privilege OR undefined_file OR undefined_object OR invalid_schema_name THEN NULL;
END $$;
UPDATE schema_version SET version = 4;
)sql";

// v4 → v5: no query looks articles up by content hash (URL-less duplicates are found through
// the unique dedup_key `h:<hash>`), so its index only cost a random page write per article.
// articles_date stays: PostgreSQL has no article_order to list by date from.
const char* const kPgV4ToV5 = R"sql(
DROP INDEX IF EXISTS articles_hash;
UPDATE schema_version SET version = 5;
)sql";

}  // namespace

const char* const kPgSteps[kPgSchemaVersion] = {kPgV1, kPgV1ToV2, kPgV2ToV3, kPgV3ToV4, kPgV4ToV5};

}  // namespace pk::store
