-- Dunning schema, version 2, for H2 2.x (MODE=PostgreSQL): demands waiting for a manager, and the
-- latest instalment plan of each case. ${prefix} is the table prefix (Flyway placeholder syntax).
-- Kept in lock-step with ../postgresql/V002__demands_and_plans.sql: same tables, columns and meaning.
-- Only CREATE TABLE and CREATE INDEX: on H2 the migrator drops them again should the script fail.

-- One row per demand. The demand as sent and the decider are JSON text (read whole); what the desk
-- lists by and what a replace checks are columns. version is written as UPDATE … WHERE version = ?.
CREATE TABLE ${prefix}demand (
  id VARCHAR(200) NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(200) NOT NULL,
  status VARCHAR(32) NOT NULL,
  submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at TIMESTAMP WITH TIME ZONE,
  case_id VARCHAR(200),
  version BIGINT NOT NULL,
  demand CHARACTER VARYING NOT NULL
);
CREATE INDEX ${prefix}demand_tenant_status ON ${prefix}demand (tenant_id, status, submitted_at, id);
CREATE INDEX ${prefix}demand_case ON ${prefix}demand (case_id);

-- The latest instalment plan of each case (earlier ones live on in the case's timeline); the
-- schedule and the decision are JSON text. No foreign key, as for documents and portal tokens.
CREATE TABLE ${prefix}payment_plan (
  case_id VARCHAR(200) NOT NULL PRIMARY KEY,
  status VARCHAR(32) NOT NULL,
  requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
  plan CHARACTER VARYING NOT NULL
);
