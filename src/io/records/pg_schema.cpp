#include "io/records/pg_schema.h"

#include "core/records/sqlite_schema.h"
#include "io/records/pg_connection.h"

#include <array>
#include <string>
#include <string_view>

namespace ta::io::records {

namespace {

// Step i takes a clinic database from version i to i + 1, with the same tables as the SQLite schema's
// step i (core/records/sqlite_schema.cpp) plus each table's policies and audit trigger. Never edit a
// released step: add a new one.
constexpr std::array<std::string_view, core::records::kSchemaVersion> kSteps = {
    // 0 -> 1: clients (with owners and shares), sessions, findings, pain marks; therapists; the audit
    // trail; the functions the policies use.
    R"sql(
CREATE TABLE ta.schema_info (application text NOT NULL, version integer NOT NULL);
INSERT INTO ta.schema_info VALUES ('trigger-atlas-clinic', 0);
CREATE TABLE ta.therapists (
  login text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE ta.clients (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  owner text NOT NULL DEFAULT session_user,
  name text NOT NULL,
  reference text NOT NULL DEFAULT '',
  date_of_birth text,
  contact text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  consent_date text,
  consent_agreed text,
  consent_recorded_by text,
  created_at text NOT NULL,
  updated_at text NOT NULL
);
CREATE INDEX clients_by_name ON ta.clients (lower(name) COLLATE "C", reference COLLATE "C");
CREATE INDEX clients_by_owner ON ta.clients (owner);
CREATE TABLE ta.client_shares (
  client_id text NOT NULL REFERENCES ta.clients (id) ON DELETE CASCADE,
  login text NOT NULL REFERENCES ta.therapists (login) ON DELETE CASCADE,
  granted_by text NOT NULL DEFAULT session_user,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, login)
);
CREATE INDEX client_shares_by_login ON ta.client_shares (login);
CREATE TABLE ta.sessions (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  client_id text NOT NULL REFERENCES ta.clients (id) ON DELETE CASCADE,
  date_time text NOT NULL,
  reason text NOT NULL DEFAULT '',
  pain_before integer CHECK (pain_before BETWEEN 0 AND 10),
  pain_after integer CHECK (pain_after BETWEEN 0 AND 10),
  subjective text NOT NULL DEFAULT '',
  objective text NOT NULL DEFAULT '',
  assessment text NOT NULL DEFAULT '',
  plan text NOT NULL DEFAULT '',
  techniques text NOT NULL DEFAULT '[]',
  signed_at text,
  signed_by text
);
CREATE INDEX sessions_by_client ON ta.sessions (client_id, date_time);
CREATE TABLE ta.findings (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES ta.sessions (id) ON DELETE CASCADE,
  structure text NOT NULL,
  x double precision NOT NULL, y double precision NOT NULL, z double precision NOT NULL,
  trigger_point text,
  state text NOT NULL CHECK (state IN ('active', 'latent')),
  severity integer NOT NULL CHECK (severity BETWEEN 0 AND 10),
  note text NOT NULL DEFAULT '',
  treated boolean NOT NULL DEFAULT false,
  technique text NOT NULL DEFAULT '',
  treated_seconds integer,
  carried_over boolean NOT NULL DEFAULT false
);
CREATE INDEX findings_by_session ON ta.findings (session_id);
CREATE TABLE ta.pain_marks (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES ta.sessions (id) ON DELETE CASCADE,
  structure text NOT NULL DEFAULT '',
  x double precision NOT NULL, y double precision NOT NULL, z double precision NOT NULL,
  radius double precision NOT NULL CHECK (radius > 0),
  intensity integer NOT NULL CHECK (intensity BETWEEN 0 AND 10),
  quality text NOT NULL,
  region text,
  side text,
  covered_regions text NOT NULL DEFAULT '[]',
  note text NOT NULL DEFAULT ''
);
CREATE INDEX pain_marks_by_session ON ta.pain_marks (session_id);

CREATE TABLE ta.audit (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  who text NOT NULL DEFAULT session_user,
  address text NOT NULL DEFAULT coalesce(host(inet_client_addr()), 'local'),
  action text NOT NULL,
  record text NOT NULL,
  record_id text,
  client_id text,
  detail text,
  tx bigint NOT NULL DEFAULT txid_current()
);
CREATE INDEX audit_by_client ON ta.audit (client_id, at);
CREATE INDEX audit_by_time ON ta.audit (at);
CREATE UNIQUE INDEX audit_one_read_per_transaction ON ta.audit (tx, client_id, record) WHERE action = 'read';

-- Who may see a client: its owner and those it is shared with. SECURITY DEFINER so that the lookups
-- themselves are not filtered by the policies that call them (and cannot recurse).
CREATE FUNCTION ta.owns(c text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = ta, pg_catalog AS
$$ SELECT EXISTS (SELECT 1 FROM ta.clients WHERE id = c AND owner = session_user) $$;
CREATE FUNCTION ta.can_access(c text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = ta, pg_catalog AS
$$ SELECT EXISTS (SELECT 1 FROM ta.clients WHERE id = c AND owner = session_user)
       OR EXISTS (SELECT 1 FROM ta.client_shares WHERE client_id = c AND login = session_user) $$;
CREATE FUNCTION ta.session_client(s text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = ta, pg_catalog AS
$$ SELECT client_id FROM ta.sessions WHERE id = s $$;
-- The read check of every SELECT policy: allowed rows are logged as read, once per transaction, client
-- and table. A row the login may not see is neither returned nor logged.
CREATE FUNCTION ta.may_read(c text, what text) RETURNS boolean LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = ta, pg_catalog AS
$$
BEGIN
  IF c IS NULL OR NOT ta.can_access(c) THEN
    RETURN false;
  END IF;
  INSERT INTO ta.audit (action, record, client_id) VALUES ('read', what, c)
    ON CONFLICT (tx, client_id, record) WHERE action = 'read' DO NOTHING;
  RETURN true;
END
$$;
-- The read check of the clients table itself, on the row's own owner: an upsert checks a new row against
-- the SELECT policy before the row exists, so looking the client up by id would refuse it.
CREATE FUNCTION ta.may_read_client(c text, o text) RETURNS boolean LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = ta, pg_catalog AS
$$
BEGIN
  IF c IS NULL OR (o IS DISTINCT FROM session_user AND
                   NOT EXISTS (SELECT 1 FROM ta.client_shares WHERE client_id = c AND login = session_user)) THEN
    RETURN false;
  END IF;
  INSERT INTO ta.audit (action, record, client_id) VALUES ('read', 'clients', c)
    ON CONFLICT (tx, client_id, record) WHERE action = 'read' DO NOTHING;
  RETURN true;
END
$$;
-- Every create, change and delete, with the columns a change touched.
CREATE FUNCTION ta.audit_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = ta, pg_catalog AS
$$
DECLARE
  r jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
  o jsonb := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END;
  c text := r->>'client_id';
  act text := CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'change' ELSE 'delete' END;
  rid text := r->>'id';
  changed text;
BEGIN
  IF TG_TABLE_NAME = 'clients' THEN
    c := r->>'id';
  ELSIF c IS NULL AND r ? 'session_id' THEN
    c := (SELECT s.client_id FROM ta.sessions s WHERE s.id = r->>'session_id');
  END IF;
  IF TG_TABLE_NAME = 'client_shares' THEN
    act := CASE TG_OP WHEN 'INSERT' THEN 'share' ELSE 'unshare' END;
    rid := r->>'login';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT string_agg(n.key, ', ' ORDER BY n.key) INTO changed FROM jsonb_each(r) n
      WHERE (o -> n.key) IS DISTINCT FROM n.value AND n.key NOT IN ('version', 'updated_at', 'seq');
    IF changed IS NULL THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO ta.audit (action, record, record_id, client_id, detail) VALUES (act, TG_TABLE_NAME, rid, c, changed);
  RETURN NULL;
END
$$;
CREATE FUNCTION ta.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege'; END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON ta.audit
  FOR EACH ROW EXECUTE FUNCTION ta.refuse_audit_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON ta.audit
  FOR EACH STATEMENT EXECUTE FUNCTION ta.refuse_audit_change();

-- Adds (or renames) a therapist: a login role in ta_therapist. For the database owner and ta_admin.
-- `password_hash` is already hashed by the client (SCRAM), so no plaintext reaches the server or its log.
CREATE FUNCTION ta.add_therapist(login text, full_name text, password_hash text, make_admin boolean)
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = ta, pg_catalog AS
$$
BEGIN
  IF NOT (pg_has_role(session_user, 'ta_admin', 'MEMBER') OR session_user =
          (SELECT pg_get_userbyid(d.datdba) FROM pg_database d WHERE d.datname = current_database())) THEN
    RAISE EXCEPTION 'only the clinic''s owner or an admin adds therapists' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF login !~ '^[a-z_][a-z0-9_.-]{0,62}$' THEN
    RAISE EXCEPTION 'a login is lower-case letters, digits, "_", "." or "-", starting with a letter'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
    EXECUTE format('CREATE ROLE %I LOGIN', login);
  END IF;
  IF password_hash IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', login, password_hash);
  END IF;
  EXECUTE format('GRANT ta_therapist TO %I', login);
  IF make_admin THEN
    EXECUTE format('GRANT ta_admin TO %I', login);
  END IF;
  INSERT INTO ta.therapists (login, name) VALUES (login, full_name)
    ON CONFLICT ON CONSTRAINT therapists_pkey DO UPDATE SET name = EXCLUDED.name;
END
$$;

-- Policies are per command, never FOR ALL: a SELECT must pass only the read check, which logs the read.
ALTER TABLE ta.clients ENABLE ROW LEVEL SECURITY;
CREATE POLICY clients_read ON ta.clients FOR SELECT USING (ta.may_read_client(id, owner));
CREATE POLICY clients_create ON ta.clients FOR INSERT WITH CHECK (owner = session_user);
CREATE POLICY clients_change ON ta.clients FOR UPDATE USING (ta.can_access(id)) WITH CHECK (ta.can_access(id));
CREATE POLICY clients_delete ON ta.clients FOR DELETE USING (ta.owns(id));
ALTER TABLE ta.client_shares ENABLE ROW LEVEL SECURITY;
CREATE POLICY shares_read ON ta.client_shares FOR SELECT USING (login = session_user OR ta.owns(client_id));
CREATE POLICY shares_create ON ta.client_shares FOR INSERT WITH CHECK (ta.owns(client_id) AND granted_by = session_user);
CREATE POLICY shares_delete ON ta.client_shares FOR DELETE USING (ta.owns(client_id));
ALTER TABLE ta.sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY sessions_read ON ta.sessions FOR SELECT USING (ta.may_read(client_id, 'sessions'));
CREATE POLICY sessions_create ON ta.sessions FOR INSERT WITH CHECK (ta.can_access(client_id));
CREATE POLICY sessions_change ON ta.sessions FOR UPDATE USING (ta.can_access(client_id));
CREATE POLICY sessions_delete ON ta.sessions FOR DELETE USING (ta.can_access(client_id));
ALTER TABLE ta.findings ENABLE ROW LEVEL SECURITY;
CREATE POLICY findings_read ON ta.findings FOR SELECT USING (ta.may_read(ta.session_client(session_id), 'findings'));
CREATE POLICY findings_create ON ta.findings FOR INSERT WITH CHECK (ta.can_access(ta.session_client(session_id)));
CREATE POLICY findings_change ON ta.findings FOR UPDATE USING (ta.can_access(ta.session_client(session_id)));
CREATE POLICY findings_delete ON ta.findings FOR DELETE USING (ta.can_access(ta.session_client(session_id)));
ALTER TABLE ta.pain_marks ENABLE ROW LEVEL SECURITY;
CREATE POLICY pain_marks_read ON ta.pain_marks FOR SELECT USING (ta.may_read(ta.session_client(session_id), 'pain_marks'));
CREATE POLICY pain_marks_create ON ta.pain_marks FOR INSERT WITH CHECK (ta.can_access(ta.session_client(session_id)));
CREATE POLICY pain_marks_change ON ta.pain_marks FOR UPDATE USING (ta.can_access(ta.session_client(session_id)));
CREATE POLICY pain_marks_delete ON ta.pain_marks FOR DELETE USING (ta.can_access(ta.session_client(session_id)));
ALTER TABLE ta.audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON ta.audit FOR SELECT
  USING (pg_has_role(session_user, 'ta_admin', 'MEMBER') OR ta.can_access(client_id));
ALTER TABLE ta.therapists ENABLE ROW LEVEL SECURITY;
CREATE POLICY therapists_read ON ta.therapists FOR SELECT USING (true);

CREATE TRIGGER clients_audit AFTER INSERT OR UPDATE OR DELETE ON ta.clients FOR EACH ROW EXECUTE FUNCTION ta.audit_change();
CREATE TRIGGER client_shares_audit AFTER INSERT OR DELETE ON ta.client_shares FOR EACH ROW EXECUTE FUNCTION ta.audit_change();
CREATE TRIGGER sessions_audit AFTER INSERT OR UPDATE OR DELETE ON ta.sessions FOR EACH ROW EXECUTE FUNCTION ta.audit_change();
CREATE TRIGGER findings_audit AFTER INSERT OR UPDATE OR DELETE ON ta.findings FOR EACH ROW EXECUTE FUNCTION ta.audit_change();
CREATE TRIGGER pain_marks_audit AFTER INSERT OR UPDATE OR DELETE ON ta.pain_marks FOR EACH ROW EXECUTE FUNCTION ta.audit_change();

REVOKE ALL ON ALL TABLES IN SCHEMA ta FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ta FROM PUBLIC;
GRANT USAGE ON SCHEMA ta TO ta_therapist, ta_admin;
GRANT SELECT ON ta.schema_info, ta.therapists, ta.audit TO ta_therapist, ta_admin;
GRANT SELECT, INSERT, DELETE ON ta.clients, ta.sessions, ta.findings, ta.pain_marks, ta.client_shares
  TO ta_therapist, ta_admin;
GRANT UPDATE (name, reference, date_of_birth, contact, notes, consent_date, consent_agreed,
              consent_recorded_by, updated_at) ON ta.clients TO ta_therapist, ta_admin;
GRANT UPDATE (date_time, reason, pain_before, pain_after, subjective, objective, assessment, plan, techniques,
              signed_at, signed_by) ON ta.sessions TO ta_therapist, ta_admin;
GRANT UPDATE (structure, x, y, z, trigger_point, state, severity, note, treated, technique, treated_seconds,
              carried_over) ON ta.findings TO ta_therapist, ta_admin;
GRANT UPDATE (structure, x, y, z, radius, intensity, quality, region, side, covered_regions, note)
  ON ta.pain_marks TO ta_therapist, ta_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA ta TO ta_therapist, ta_admin;
GRANT EXECUTE ON FUNCTION ta.owns(text), ta.can_access(text), ta.session_client(text), ta.may_read(text, text),
  ta.may_read_client(text, text),
  ta.add_therapist(text, text, text, boolean) TO ta_therapist, ta_admin;
)sql",
    // 1 -> 2: headache journal, questionnaires, addenda.
    R"sql(
CREATE TABLE ta.journal (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  client_id text NOT NULL REFERENCES ta.clients (id) ON DELETE CASCADE,
  date text NOT NULL,
  headache boolean NOT NULL,
  peak_intensity integer CHECK (peak_intensity BETWEEN 0 AND 10),
  hours double precision,
  regions text NOT NULL DEFAULT '[]',
  triggers text NOT NULL DEFAULT '[]',
  medication text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',
  UNIQUE (client_id, date)
);
CREATE TABLE ta.questionnaires (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES ta.sessions (id) ON DELETE CASCADE,
  kind text NOT NULL,
  answers text NOT NULL,
  answered_at text NOT NULL
);
CREATE INDEX questionnaires_by_session ON ta.questionnaires (session_id);
CREATE TABLE ta.addenda (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES ta.sessions (id) ON DELETE CASCADE,
  at text NOT NULL,
  author text NOT NULL DEFAULT '',
  text text NOT NULL
);
CREATE INDEX addenda_by_session ON ta.addenda (session_id);
ALTER TABLE ta.journal ENABLE ROW LEVEL SECURITY;
CREATE POLICY journal_read ON ta.journal FOR SELECT USING (ta.may_read(client_id, 'journal'));
CREATE POLICY journal_create ON ta.journal FOR INSERT WITH CHECK (ta.can_access(client_id));
CREATE POLICY journal_change ON ta.journal FOR UPDATE USING (ta.can_access(client_id));
CREATE POLICY journal_delete ON ta.journal FOR DELETE USING (ta.can_access(client_id));
ALTER TABLE ta.questionnaires ENABLE ROW LEVEL SECURITY;
CREATE POLICY questionnaires_read ON ta.questionnaires FOR SELECT
  USING (ta.may_read(ta.session_client(session_id), 'questionnaires'));
CREATE POLICY questionnaires_create ON ta.questionnaires FOR INSERT WITH CHECK (ta.can_access(ta.session_client(session_id)));
CREATE POLICY questionnaires_change ON ta.questionnaires FOR UPDATE USING (ta.can_access(ta.session_client(session_id)));
CREATE POLICY questionnaires_delete ON ta.questionnaires FOR DELETE USING (ta.can_access(ta.session_client(session_id)));
ALTER TABLE ta.addenda ENABLE ROW LEVEL SECURITY;
CREATE POLICY addenda_read ON ta.addenda FOR SELECT USING (ta.may_read(ta.session_client(session_id), 'addenda'));
CREATE POLICY addenda_create ON ta.addenda FOR INSERT WITH CHECK (ta.can_access(ta.session_client(session_id)));
CREATE POLICY addenda_change ON ta.addenda FOR UPDATE USING (ta.can_access(ta.session_client(session_id)));
CREATE POLICY addenda_delete ON ta.addenda FOR DELETE USING (ta.can_access(ta.session_client(session_id)));
CREATE TRIGGER journal_audit AFTER INSERT OR UPDATE OR DELETE ON ta.journal FOR EACH ROW EXECUTE FUNCTION ta.audit_change();
CREATE TRIGGER questionnaires_audit AFTER INSERT OR UPDATE OR DELETE ON ta.questionnaires FOR EACH ROW EXECUTE FUNCTION ta.audit_change();
CREATE TRIGGER addenda_audit AFTER INSERT OR UPDATE OR DELETE ON ta.addenda FOR EACH ROW EXECUTE FUNCTION ta.audit_change();
REVOKE ALL ON ta.journal, ta.questionnaires, ta.addenda FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON ta.journal, ta.questionnaires, ta.addenda TO ta_therapist, ta_admin;
GRANT UPDATE (date, headache, peak_intensity, hours, regions, triggers, medication, note) ON ta.journal
  TO ta_therapist, ta_admin;
GRANT UPDATE (kind, answers, answered_at) ON ta.questionnaires TO ta_therapist, ta_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA ta TO ta_therapist, ta_admin;
)sql",
    // 2 -> 3: the client search index (trigram, case-insensitive substring search as you type).
    R"sql(
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ta;
CREATE INDEX clients_search_name ON ta.clients USING gin (lower(name) ta.gin_trgm_ops);
CREATE INDEX clients_search_reference ON ta.clients USING gin (lower(reference) ta.gin_trgm_ops);
)sql",
    // 3 -> 4: signed sessions (and their findings, pain marks, questionnaires) and addenda are locked for
    // every role. Deleting a whole client (its owner only) still cascades: a cascaded delete runs nested in
    // the foreign key's trigger (pg_trigger_depth() > 1).
    R"sql(
CREATE FUNCTION ta.refuse_locked_session() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = ta, pg_catalog AS
$$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'the session is signed and locked' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE FUNCTION ta.refuse_in_locked_session() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = ta, pg_catalog AS
$$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF (TG_OP <> 'INSERT' AND (SELECT signed_at FROM ta.sessions WHERE id = OLD.session_id) IS NOT NULL)
     OR (TG_OP <> 'DELETE' AND (SELECT signed_at FROM ta.sessions WHERE id = NEW.session_id) IS NOT NULL) THEN
    RAISE EXCEPTION 'the session is signed and locked' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE FUNCTION ta.refuse_addendum_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'addenda are never changed' USING ERRCODE = 'object_not_in_prerequisite_state';
END
$$;
CREATE TRIGGER sessions_locked BEFORE UPDATE OR DELETE ON ta.sessions
  FOR EACH ROW EXECUTE FUNCTION ta.refuse_locked_session();
CREATE TRIGGER findings_locked BEFORE INSERT OR UPDATE OR DELETE ON ta.findings
  FOR EACH ROW EXECUTE FUNCTION ta.refuse_in_locked_session();
CREATE TRIGGER pain_marks_locked BEFORE INSERT OR UPDATE OR DELETE ON ta.pain_marks
  FOR EACH ROW EXECUTE FUNCTION ta.refuse_in_locked_session();
CREATE TRIGGER questionnaires_locked BEFORE INSERT OR UPDATE OR DELETE ON ta.questionnaires
  FOR EACH ROW EXECUTE FUNCTION ta.refuse_in_locked_session();
CREATE TRIGGER addenda_immutable BEFORE UPDATE OR DELETE ON ta.addenda
  FOR EACH ROW EXECUTE FUNCTION ta.refuse_addendum_change();
REVOKE ALL ON FUNCTION ta.refuse_locked_session(), ta.refuse_in_locked_session() FROM PUBLIC;
)sql",
    // 4 -> 5: row versions (no lost update between two therapists).
    R"sql(
ALTER TABLE ta.clients ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE ta.sessions ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE ta.findings ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE ta.pain_marks ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE ta.journal ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
GRANT UPDATE (version) ON ta.clients, ta.sessions, ta.findings, ta.pain_marks, ta.journal TO ta_therapist, ta_admin;
)sql",
    // 5 -> 6: teaching mode (the same tables as SQLite's v6), kept per login: a teacher's students and their
    // progress are that teacher's, whatever program connects. Not health records: no audit.
    R"sql(
CREATE TABLE ta.study_cards (
  owner text NOT NULL DEFAULT session_user,
  student text NOT NULL,
  item text NOT NULL,
  repetitions integer NOT NULL CHECK (repetitions >= 0),
  interval_days integer NOT NULL CHECK (interval_days >= 0),
  ease double precision NOT NULL CHECK (ease >= 1.3),
  lapses integer NOT NULL DEFAULT 0 CHECK (lapses >= 0),
  due text NOT NULL,
  last_reviewed text NOT NULL,
  last_score double precision NOT NULL CHECK (last_score BETWEEN 0 AND 1),
  PRIMARY KEY (owner, student, item)
);
CREATE INDEX study_cards_by_due ON ta.study_cards (owner, student, due);
CREATE TABLE ta.study_reviews (
  seq bigserial PRIMARY KEY,
  owner text NOT NULL DEFAULT session_user,
  student text NOT NULL,
  item text NOT NULL,
  quiz_set text NOT NULL DEFAULT '',
  reviewed_at text NOT NULL,
  score double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
  grade integer NOT NULL CHECK (grade BETWEEN 0 AND 5),
  seconds double precision NOT NULL DEFAULT 0 CHECK (seconds >= 0)
);
CREATE INDEX study_reviews_by_student ON ta.study_reviews (owner, student, seq);
ALTER TABLE ta.study_cards ENABLE ROW LEVEL SECURITY;
CREATE POLICY study_cards_own ON ta.study_cards USING (owner = session_user) WITH CHECK (owner = session_user);
ALTER TABLE ta.study_reviews ENABLE ROW LEVEL SECURITY;
CREATE POLICY study_reviews_own ON ta.study_reviews USING (owner = session_user) WITH CHECK (owner = session_user);
REVOKE ALL ON ta.study_cards, ta.study_reviews FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON ta.study_cards, ta.study_reviews TO ta_therapist, ta_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA ta TO ta_therapist, ta_admin;
)sql",
};

constexpr std::string_view kRoles = R"sql(
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ta_therapist') THEN
    CREATE ROLE ta_therapist NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ta_admin') THEN
    CREATE ROLE ta_admin NOLOGIN;
  END IF;
END
$$;
CREATE SCHEMA IF NOT EXISTS ta;
)sql";

} // namespace

int clinicSchemaVersion(PgConnection& conn)
{
    const auto present = conn.exec("SELECT to_regclass('ta.schema_info') IS NOT NULL");
    if (present.text(0, 0) != "t")
        return 0;
    const auto r = conn.exec("SELECT application, version FROM ta.schema_info");
    if (r.rows() != 1 || r.text(0, 0) != "trigger-atlas-clinic")
        throw core::records::DatabaseRefusedError(conn.describe() + ": refused: the schema \"ta\" belongs to another program");
    return std::stoi(r.text(0, 1));
}

void initClinic(PgConnection& conn)
{
    PgTransaction tx(conn);
    conn.exec("SELECT pg_advisory_xact_lock(5452474101)"); // one init at a time
    conn.exec(std::string(kRoles));
    const int version = clinicSchemaVersion(conn);
    if (version > core::records::kSchemaVersion)
        throw core::records::DatabaseRefusedError(
            conn.describe() + ": refused: made by a newer TriggerAtlas (schema version " + std::to_string(version) +
            ", this version knows up to " + std::to_string(core::records::kSchemaVersion) + ")");
    for (int v = version; v < core::records::kSchemaVersion; ++v)
        conn.exec(std::string(kSteps[static_cast<std::size_t>(v)]));
    conn.exec("UPDATE ta.schema_info SET version = $1", {std::to_string(core::records::kSchemaVersion)});
    tx.commit();
}

} // namespace ta::io::records
