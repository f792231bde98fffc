-- Identity: agencies with their official identifier codes (mã định danh), departments, job positions,
-- people and their roles. The engine's users and groups are derived from these tables (read-only).
CREATE TABLE idn_agency (
  code        VARCHAR(13)  NOT NULL PRIMARY KEY,  -- e.g. 000.00.12.H37
  short_name  VARCHAR(30)  NOT NULL UNIQUE,       -- abbreviation used in account names and engine groups
  name        VARCHAR(200) NOT NULL,
  name_en     VARCHAR(200),
  parent_code VARCHAR(13)  REFERENCES idn_agency(code),
  active      BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE idn_department (
  id          VARCHAR(64)  NOT NULL PRIMARY KEY,  -- <agency short name>-<department short name>
  agency_code VARCHAR(13)  NOT NULL REFERENCES idn_agency(code),
  short_name  VARCHAR(30)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  name_en     VARCHAR(200),
  CONSTRAINT uq_department UNIQUE (agency_code, short_name)
);

CREATE TABLE idn_job_position (
  code    VARCHAR(40)  NOT NULL PRIMARY KEY,
  name    VARCHAR(100) NOT NULL,
  name_en VARCHAR(100)
);

CREATE TABLE idn_person (
  username          VARCHAR(64)  NOT NULL PRIMARY KEY,
  full_name         VARCHAR(100) NOT NULL,
  email             VARCHAR(200),
  agency_code       VARCHAR(13)  NOT NULL REFERENCES idn_agency(code),
  department_id     VARCHAR(64)  REFERENCES idn_department(id),
  job_position_code VARCHAR(40)  REFERENCES idn_job_position(code),
  kind              VARCHAR(10)  NOT NULL DEFAULT 'PERSON',  -- PERSON or SERVICE (a client-credentials client)
  password_hash     VARCHAR(100),                           -- only used by the embedded issuer
  active            BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_person_agency ON idn_person(agency_code);
CREATE INDEX ix_person_department ON idn_person(department_id);

CREATE TABLE idn_person_role (
  username VARCHAR(64) NOT NULL REFERENCES idn_person(username),
  role     VARCHAR(40) NOT NULL,
  PRIMARY KEY (username, role)
);
