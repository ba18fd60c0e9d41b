// Versioned schema migrations, applied in order at start. Append new versions; never edit an applied one.
// Every fact table keeps the region in its key and has no cross-region foreign keys, so the same schema
// can be sharded by region code on a distributed PostgreSQL (Citus) when one machine is outgrown.

export const migrations: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'monitoring loop',
    sql: `
CREATE TABLE region (
  code text PRIMARY KEY,
  name text NOT NULL,
  short_name text NOT NULL,
  parent_code text,
  level smallint NOT NULL,
  kind text NOT NULL DEFAULT 'division'
);
CREATE INDEX region_parent ON region (parent_code);
CREATE INDEX region_name ON region (name);
CREATE INDEX region_short_name ON region (short_name);

CREATE TABLE region_group (
  name text PRIMARY KEY,
  description text
);
CREATE TABLE region_group_member (
  group_name text NOT NULL REFERENCES region_group (name) ON DELETE CASCADE,
  region_code text NOT NULL,
  PRIMARY KEY (group_name, region_code)
);

CREATE TABLE unit (
  region_code text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (region_code, name)
);

CREATE TABLE indicator (
  code text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  aliases text[] NOT NULL DEFAULT '{}',
  unit text NOT NULL,
  frequency text NOT NULL,
  measure text NOT NULL,
  aggregation text NOT NULL,
  direction text NOT NULL,
  comparable boolean NOT NULL DEFAULT false,
  jan_feb_combined boolean NOT NULL DEFAULT false,
  reporting_unit text,
  leader text,
  intake text NOT NULL DEFAULT 'file',
  alert_threshold double precision,
  excellence_threshold double precision,
  builtin boolean NOT NULL DEFAULT false
);

CREATE TABLE observation (
  region_code text NOT NULL,
  indicator_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  scope text NOT NULL DEFAULT '',
  value double precision,
  yoy double precision,
  month_value double precision,
  month_yoy double precision,
  forecast boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'published',
  source text,
  entered_by text,
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, indicator_code, year, month, scope)
);
CREATE INDEX observation_period ON observation (indicator_code, year, month);

-- Creation is recorded on the observation itself (source, entered_by, entered_at); changes are kept here.
CREATE TABLE observation_history (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  indicator_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  scope text NOT NULL,
  old_value double precision,
  new_value double precision,
  old_yoy double precision,
  new_yoy double precision,
  changed_by text,
  changed_at timestamptz NOT NULL DEFAULT now(),
  source text
);
CREATE INDEX observation_history_key ON observation_history (region_code, indicator_code, year, month);

CREATE TABLE target (
  region_code text NOT NULL,
  indicator_code text NOT NULL,
  year smallint NOT NULL,
  strength text NOT NULL,
  kind text NOT NULL,
  value double precision NOT NULL,
  cmp text NOT NULL,
  trajectory jsonb,
  source text,
  quote text,
  set_by text,
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, indicator_code, year, strength)
);

CREATE TABLE target_history (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  indicator_code text NOT NULL,
  year smallint NOT NULL,
  strength text NOT NULL,
  old jsonb,
  new jsonb,
  changed_by text,
  changed_at timestamptz NOT NULL DEFAULT now(),
  source text
);

CREATE TABLE import_batch (
  id bigserial PRIMARY KEY,
  file text NOT NULL,
  format text NOT NULL,
  created integer NOT NULL,
  updated integer NOT NULL,
  ignored integer NOT NULL,
  imported_by text,
  imported_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 2,
    name: 'accounts and sessions',
    sql: `
CREATE TABLE app_user (
  name text PRIMARY KEY,
  password_hash text NOT NULL,
  role text NOT NULL,
  region_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

-- Only a hash of the session token is kept, so a leaked table does not leak sessions.
CREATE TABLE app_session (
  token_hash text PRIMARY KEY,
  user_name text NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
  csrf text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
`,
  },
  {
    version: 3,
    name: 'documents and tasks',
    sql: `
-- A speech, work report or news item, normalised, with what was extracted from it awaiting review.
CREATE TABLE document (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  title text NOT NULL,
  source text,
  year smallint,
  text text NOT NULL,
  unreadable integer NOT NULL DEFAULT 0,
  uploaded_by text,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_region ON document (region_code);

-- One extracted target, figure or task; what the extractor found is kept beside what a person accepted.
CREATE TABLE document_item (
  document_id bigint NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  kind text NOT NULL,
  extracted jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  accepted jsonb,
  decided_by text,
  decided_at timestamptz,
  PRIMARY KEY (document_id, seq)
);

-- 督办事项: work a meeting or document assigned to named units.
CREATE TABLE task (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  action text NOT NULL,
  lead_units jsonb NOT NULL,
  support_units jsonb NOT NULL,
  due text,
  recurrence text,
  status text NOT NULL DEFAULT 'not_started',
  source text,
  quote text,
  document_id bigint,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_region ON task (region_code);
`,
  },
  {
    version: 4,
    name: 'audit log',
    sql: `
-- Who did what, when: sign-ins, account changes, reviews, imports. Value and target changes are also kept in
-- observation_history and target_history; the audit view reads all three.
CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_name text,
  action text NOT NULL,
  region_code text,
  object text,
  old jsonb,
  new jsonb,
  file text
);
CREATE INDEX audit_event_at ON audit_event (at);
CREATE INDEX audit_event_user ON audit_event (user_name, at);
`,
  },
  {
    version: 5,
    name: 'sign-in failures',
    sql: `
-- Failed sign-ins per account name, for names that exist and names that do not alike (so a lock does not
-- tell which names exist): after too many in a row the name is locked for a while.
CREATE TABLE sign_in_failure (
  name text PRIMARY KEY,
  failures integer NOT NULL,
  last_failed_at timestamptz NOT NULL,
  locked_until timestamptz
);
CREATE INDEX audit_event_region ON audit_event (region_code, at);
`,
  },
  {
    version: 6,
    name: 'review of submitted values, period locks, settings',
    sql: `
-- What reporters send, waiting for review. observation holds published figures only, so every analytic read
-- shows them unchanged; a submission reaches observation when an analyst publishes its period.
-- status: submitted › approved › published, or returned (退回, with its reason), or superseded by a newer
-- submission for the same key (kept as history).
CREATE TABLE observation_submission (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  indicator_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  scope text NOT NULL DEFAULT '',
  value double precision,
  yoy double precision,
  month_value double precision,
  month_yoy double precision,
  forecast boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'submitted',
  comment text,
  reason text,
  source text,
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by text,
  reviewed_at timestamptz,
  return_reason text,
  published_by text,
  published_at timestamptz
);
CREATE INDEX observation_submission_key ON observation_submission (region_code, indicator_code, year, month, scope);
CREATE INDEX observation_submission_period ON observation_submission (year, month, status);
-- At most one submission per key waits for review or publication.
CREATE UNIQUE INDEX observation_submission_open ON observation_submission (region_code, indicator_code, year, month, scope)
  WHERE status IN ('submitted', 'approved');

-- A published period of a region's subtree: changing a figure in it is a revision and needs a reason.
CREATE TABLE period_lock (
  region_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  locked_by text,
  locked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, year, month)
);

ALTER TABLE observation_history ADD COLUMN reason text;

-- Deployment settings (key → JSON value); unknown keys are refused by the store, missing ones take defaults.
CREATE TABLE setting (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  set_by text,
  set_at timestamptz NOT NULL DEFAULT now()
);

-- Values a reporter entered before review existed sat in observation unreviewed: they become submissions, and
-- the figure they replaced (the last change in history) is published again.
INSERT INTO observation_submission (region_code, indicator_code, year, month, scope, value, yoy, month_value,
  month_yoy, forecast, status, source, submitted_by, submitted_at)
SELECT region_code, indicator_code, year, month, scope, value, yoy, month_value, month_yoy, forecast, 'submitted',
  source, coalesce(entered_by, '未知'), entered_at
FROM observation WHERE status <> 'published';
UPDATE observation o SET value = h.old_value, yoy = h.old_yoy, month_value = NULL, month_yoy = NULL,
  status = 'published', source = '审核上线前的已发布数'
FROM (SELECT DISTINCT ON (region_code, indicator_code, year, month, scope)
        region_code, indicator_code, year, month, scope, old_value, old_yoy
      FROM observation_history ORDER BY region_code, indicator_code, year, month, scope, id DESC) h
WHERE o.status <> 'published' AND h.region_code = o.region_code AND h.indicator_code = o.indicator_code
  AND h.year = o.year AND h.month = o.month AND h.scope = o.scope
  AND (h.old_value IS NOT NULL OR h.old_yoy IS NOT NULL);
DELETE FROM observation WHERE status <> 'published';
`,
  },
  {
    version: 8,
    name: 'saved versions of briefings',
    sql: `
-- The analyst's edits of a briefing (经济运行情况分析) of a region and period: each save is a new numbered
-- version holding the whole set of edited paragraphs and what changed against the version before.
CREATE TABLE briefing_version (
  region_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  version integer NOT NULL,
  edits jsonb NOT NULL,
  changes jsonb NOT NULL,
  note text,
  saved_by text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, year, month, version)
);
`,
  },
  {
    version: 9,
    name: 'key projects, investment leads and tour scores',
    sql: `
-- The key project register (重点项目库), keyed by 项目编号; dates are 'YYYY-MM-DD' text (a month in the file is
-- stored as its last day), money in 万元. The owning unit is a unit of the catalogue (unit_region_code, unit).
CREATE TABLE project (
  code text PRIMARY KEY,
  name text NOT NULL,
  region_code text NOT NULL,
  unit_region_code text,
  unit text,
  leader text,
  level text,
  type text,
  nature text NOT NULL,
  total_investment double precision,
  annual_plan double precision NOT NULL,
  planned_start text,
  actual_start text,
  planned_finish text,
  actual_finish text,
  library_date text,
  lead_code text,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_region ON project (region_code);

-- One monthly report per project and month (项目月报): 本年累计完成投资 and the words around it.
CREATE TABLE project_report (
  project_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  done double precision NOT NULL,
  progress text,
  problems text,
  coordination text,
  reported_by text,
  reported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_code, year, month)
);

-- Every change of a project or a monthly report by a re-import or an edit: field old → new, who, when, file.
CREATE TABLE project_history (
  id bigserial PRIMARY KEY,
  project_code text NOT NULL,
  year smallint,
  month smallint,
  field text NOT NULL,
  old_value jsonb,
  new_value jsonb,
  changed_by text,
  changed_at timestamptz NOT NULL DEFAULT now(),
  file text
);
CREATE INDEX project_history_project ON project_history (project_code, id);

-- Investment leads (招商项目), keyed by 项目编号; a lead promoted to a key project keeps the link (project_code).
CREATE TABLE investment_lead (
  code text PRIMARY KEY,
  name text NOT NULL,
  region_code text NOT NULL,
  unit_region_code text,
  unit text,
  industry text,
  contract double precision NOT NULL,
  signed text,
  registered text,
  started text,
  producing text,
  funds_arrived double precision NOT NULL DEFAULT 0,
  project_code text,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investment_lead_region ON investment_lead (region_code);

-- A judge's score of a project in an inspection tour (项目拉练), the tour named by its scoring sheet.
CREATE TABLE tour_score (
  tour text NOT NULL,
  project_code text NOT NULL,
  judge text NOT NULL,
  score double precision NOT NULL,
  scored_by text,
  scored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tour, project_code, judge)
);
`,
  },
  {
    version: 10,
    name: 'supervision: unit ids, task owners, reports, extensions, meetings',
    sql: `
-- A unit keeps (region_code, name) as its key and gains a stable number, so a task can name it by id.
ALTER TABLE unit ADD COLUMN id bigserial;
CREATE UNIQUE INDEX unit_id ON unit (id);

-- The accounts that answer for a unit: they see and report its tasks.
CREATE TABLE unit_user (
  unit_id bigint NOT NULL,
  user_name text NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
  PRIMARY KEY (unit_id, user_name)
);
CREATE INDEX unit_user_user ON unit_user (user_name);

-- The stub task grows into a supervised one: action is its title; due stays as the document wrote it, due_date
-- is the day in force (after approved extensions); start_date defaults to the day it was added.
ALTER TABLE task ADD COLUMN start_date text;
ALTER TABLE task ADD COLUMN due_date text;
ALTER TABLE task ADD COLUMN source_kind text NOT NULL DEFAULT 'document';
ALTER TABLE task ADD COLUMN urgency text;
ALTER TABLE task ADD COLUMN parent_id bigint;
ALTER TABLE task ADD COLUMN meeting_id bigint;
ALTER TABLE task ADD COLUMN closed_on text;
ALTER TABLE task ADD COLUMN closed_by text;
UPDATE task SET start_date = to_char(created_at, 'YYYY-MM-DD');
UPDATE task SET due_date = due WHERE due ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
CREATE INDEX task_parent ON task (parent_id);

-- The units a task names, lead (牵头) or support (配合), in the order given.
CREATE TABLE task_unit (
  task_id bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  unit_id bigint NOT NULL,
  role text NOT NULL,
  seq smallint NOT NULL,
  PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX task_unit_unit ON task_unit (unit_id);

-- Progress reports (进展报送), dated by the day they were made; the office accepts or returns (退回) them.
CREATE TABLE task_report (
  id bigserial PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  report_date text NOT NULL,
  percent numeric,
  note text,
  evidence_name text,
  evidence bytea,
  status text NOT NULL DEFAULT 'submitted',
  return_reason text,
  reported_by text,
  reviewed_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_report_task ON task_report (task_id);

-- Extensions (延期): asked with a reason up to the due date, approved or refused by the office.
CREATE TABLE task_extension (
  id bigserial PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  asked_on text NOT NULL,
  old_due text NOT NULL,
  new_due text NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'asked',
  asked_by text,
  decided_by text,
  decided_on text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_extension_task ON task_extension (task_id);

-- A meeting (会议) whose decisions become tasks (source 会议纪要).
CREATE TABLE meeting (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  meeting_date text NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  leader text,
  attendees jsonb NOT NULL DEFAULT '[]',
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_region ON meeting (region_code, meeting_date);
`,
  },
  {
    version: 11,
    name: 'assessment schemes, inputs and published runs',
    sql: `
-- A scheme (考核方案) by name, in numbered versions: a version is frozen once scores made with it are published,
-- and a changed scheme after that is the next version, so a published ranking can always be made again.
CREATE TABLE assess_scheme (
  name text NOT NULL,
  version integer NOT NULL,
  body jsonb NOT NULL,
  frozen boolean NOT NULL DEFAULT false,
  saved_by text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, version)
);
-- The entered items of a scheme and period (拉练, 项目, 否决, 加分, 减分), with who entered them and when; 加分 and
-- 减分 may repeat, so rows have their own id.
CREATE TABLE assess_input (
  id serial PRIMARY KEY,
  scheme_name text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  region_code text NOT NULL REFERENCES region(code),
  item text NOT NULL,
  value double precision,
  veto boolean NOT NULL DEFAULT false,
  note text,
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assess_input_period ON assess_input (scheme_name, year, month);
-- A published ranking (亮晒): the scores as published, with the frozen scheme version they came from.
CREATE TABLE assess_run (
  id serial PRIMARY KEY,
  scheme_name text NOT NULL,
  scheme_version integer NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  parent_code text NOT NULL REFERENCES region(code),
  rows jsonb NOT NULL,
  published_by text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (scheme_name, year, month),
  FOREIGN KEY (scheme_name, scheme_version) REFERENCES assess_scheme (name, version)
);
`,
  },
  {
    version: 12,
    name: 'monthly project updates under review, with photos',
    sql: `
-- A reporter's monthly update of a key project (项目月报 entered in the app): it waits as submitted until the
-- city's analyst approves it (then it becomes the project_report row the figures read) or returns it with a reason.
CREATE TABLE project_update (
  id bigserial PRIMARY KEY,
  project_code text NOT NULL REFERENCES project(code),
  year smallint NOT NULL,
  month smallint NOT NULL,
  done double precision NOT NULL,
  progress text,
  problems text,
  coordination text,
  status text NOT NULL,
  reason text,
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by text,
  reviewed_at timestamptz
);
CREATE INDEX project_update_project ON project_update (project_code, year, month);
-- Photos as evidence of an update: uploaded first (update_id null), attached when the update is submitted.
CREATE TABLE project_photo (
  id bigserial PRIMARY KEY,
  project_code text NOT NULL REFERENCES project(code),
  update_id bigint REFERENCES project_update(id),
  name text NOT NULL,
  type text NOT NULL,
  body bytea NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_photo_update ON project_photo (update_id);
`,
  },
  {
    version: 13,
    name: 'the problem list of key projects; a leader account named as a 包联领导',
    sql: `
-- A problem of a key project (项目问题清单): what, who coordinates, by when; solved on a day with a short note.
-- Overdue is not stored: it depends on the day asked (the core works it out).
CREATE TABLE project_problem (
  id bigserial PRIMARY KEY,
  project_code text NOT NULL REFERENCES project(code) ON DELETE CASCADE,
  description text NOT NULL,
  coordinator text NOT NULL,
  due text NOT NULL,
  resolved_on text,
  resolution text,
  raised_by text NOT NULL,
  raised_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_problem_project ON project_problem (project_code);
-- The name a leader account goes by in the register's 包联领导 column, when it is not the account's name.
ALTER TABLE app_user ADD COLUMN leader_name text;
`,
  },
  {
    version: 14,
    name: 'a lead promoted to a key project keeps its link',
    sql: `
-- investment_lead.project_code (there since migration 9, never written before) now references the register: a lead
-- promoted to a key project, or linked by the 关联项目编号 column of its import, points at the project it became.
UPDATE investment_lead SET project_code = NULL
  WHERE project_code IS NOT NULL AND project_code NOT IN (SELECT code FROM project);
ALTER TABLE investment_lead
  ADD CONSTRAINT investment_lead_project FOREIGN KEY (project_code) REFERENCES project(code);
ALTER TABLE investment_lead ADD COLUMN linked_by text;
ALTER TABLE investment_lead ADD COLUMN linked_at timestamptz;
CREATE INDEX investment_lead_project ON investment_lead (project_code);
`,
  },
  {
    version: 15,
    name: 'inspection tours as objects: projects visited, judges',
    sql: `
-- An inspection tour (项目拉练): run by the city or a district (region_code: who sees it), scored by its judges.
-- Its scores stay in tour_score, keyed by the tour's name (the name a scoring sheet's file carries).
CREATE TABLE tour (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  date text,
  region_code text NOT NULL,
  status text NOT NULL DEFAULT '计划',
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_by text,
  closed_at timestamptz
);
-- The projects a tour visits, in visiting order.
CREATE TABLE tour_project (
  tour_id integer NOT NULL REFERENCES tour(id) ON DELETE CASCADE,
  project_code text NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (tour_id, project_code)
);
-- A tour's judges by name; user_name links a judge to the account that enters his own scores.
CREATE TABLE tour_judge (
  tour_id integer NOT NULL REFERENCES tour(id) ON DELETE CASCADE,
  name text NOT NULL,
  user_name text,
  position integer NOT NULL,
  PRIMARY KEY (tour_id, name)
);
`,
  },
  {
    version: 16,
    name: 'changes to what the project board reads, by project code',
    sql: `
-- The server keeps the board's read model of a region and period; after a write it re-reads only the projects
-- changed since, found here: the project codes a statement on project or project_report touched, each with the
-- sequence number of its last change. Code '' stands for everything (a region or a setting changed). One row
-- per project at most, so the table never grows past the register.
CREATE SEQUENCE project_change_seq;
CREATE TABLE project_change (
  project_code text PRIMARY KEY,
  seq bigint NOT NULL
);
CREATE INDEX project_change_seq_index ON project_change (seq);
-- Statement-level with transition tables: an import of 120,000 reports writes one row per project, once.
CREATE FUNCTION note_project_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s bigint := nextval('project_change_seq');
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO project_change VALUES ('', s) ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
  ELSIF TG_TABLE_NAME = 'project' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO project_change SELECT DISTINCT code, s FROM new_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO project_change SELECT DISTINCT code, s FROM old_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    ELSE
      INSERT INTO project_change SELECT code, s FROM new_rows UNION SELECT code, s FROM old_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN
      INSERT INTO project_change SELECT DISTINCT project_code, s FROM new_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO project_change SELECT DISTINCT project_code, s FROM old_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    ELSE
      INSERT INTO project_change SELECT project_code, s FROM new_rows UNION SELECT project_code, s FROM old_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER project_inserted AFTER INSERT ON project REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_updated AFTER UPDATE ON project REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_deleted AFTER DELETE ON project REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_truncated AFTER TRUNCATE ON project
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_report_inserted AFTER INSERT ON project_report REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_report_updated AFTER UPDATE ON project_report
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_report_deleted AFTER DELETE ON project_report REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_report_truncated AFTER TRUNCATE ON project_report
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
-- Regions (names, the tree) and settings (the light rules) change every project's row: row-level, so a statement
-- that changes nothing (an upsert of the same regions) does not count.
CREATE FUNCTION note_everything_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_change VALUES ('', nextval('project_change_seq'))
    ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
  RETURN NULL;
END $$;
CREATE TRIGGER region_changed AFTER INSERT OR DELETE ON region
  FOR EACH ROW EXECUTE FUNCTION note_everything_changed();
CREATE TRIGGER region_updated AFTER UPDATE ON region
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION note_everything_changed();
CREATE TRIGGER region_truncated AFTER TRUNCATE ON region
  FOR EACH STATEMENT EXECUTE FUNCTION note_everything_changed();
CREATE TRIGGER setting_changed AFTER INSERT OR DELETE ON setting
  FOR EACH ROW EXECUTE FUNCTION note_everything_changed();
CREATE TRIGGER setting_updated AFTER UPDATE ON setting
  FOR EACH ROW WHEN (OLD.value IS DISTINCT FROM NEW.value) EXECUTE FUNCTION note_everything_changed();
CREATE TRIGGER setting_truncated AFTER TRUNCATE ON setting
  FOR EACH STATEMENT EXECUTE FUNCTION note_everything_changed();
`,
  },
  {
    version: 17,
    name: 'regions and settings noted once per statement',
    sql: `
-- Version 16 noted a region or setting change once per row, always on the same row ('') of project_change.
-- Within one transaction each of those updates leaves a dead version of that row which the next one walks
-- past, so loading the 44,704 towns of China took eight minutes. Once per statement, and only when a row
-- really changed (an upsert of the same regions still counts as nothing), is linear.
DROP TRIGGER region_changed ON region;
DROP TRIGGER region_updated ON region;
DROP TRIGGER setting_changed ON setting;
DROP TRIGGER setting_updated ON setting;
CREATE FUNCTION note_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
  ELSIF TG_TABLE_NAME = 'setting' THEN
    IF NOT EXISTS (SELECT key, value FROM new_rows EXCEPT SELECT key, value FROM old_rows) THEN RETURN NULL; END IF;
  ELSIF NOT EXISTS (SELECT * FROM new_rows EXCEPT SELECT * FROM old_rows) THEN
    RETURN NULL;
  END IF;
  INSERT INTO project_change VALUES ('', nextval('project_change_seq'))
    ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
  RETURN NULL;
END $$;
CREATE TRIGGER region_inserted AFTER INSERT ON region REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
CREATE TRIGGER region_deleted AFTER DELETE ON region REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
CREATE TRIGGER region_updated AFTER UPDATE ON region REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
CREATE TRIGGER setting_inserted AFTER INSERT ON setting REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
CREATE TRIGGER setting_deleted AFTER DELETE ON setting REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
CREATE TRIGGER setting_updated AFTER UPDATE ON setting REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
`,
  },
  {
    version: 18,
    name: 'monthly project reports by year and month',
    sql: `
-- The board's whole read asks for every project's report of the period's month and the one before, and for the
-- last report of each year before the period's (开工以来累计). The key leads with the project: without this
-- index each of those walked every report of every year, even when there is no earlier year.
CREATE INDEX project_report_period ON project_report (year, month);
`,
  },
];
