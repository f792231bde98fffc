-- Working-day calendar: the yearly civil-service schedule as data.
-- A year listed in cal_year_schedule has an official schedule, which is authoritative for that year;
-- years not listed use the statutory default rules computed in code (and are reported as provisional).
CREATE TABLE cal_year_schedule (
  sched_year INTEGER NOT NULL PRIMARY KEY,
  notice VARCHAR(500) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by VARCHAR(100) NOT NULL
);

-- Only days that differ from the weekly rule: OFF on a weekday, WORKING (make-up day) on a Saturday or Sunday.
CREATE TABLE cal_day (
  day_date DATE NOT NULL PRIMARY KEY,
  sched_year INTEGER NOT NULL,
  kind VARCHAR(10) NOT NULL,
  name_vi VARCHAR(200) NOT NULL,
  name_en VARCHAR(200) NOT NULL,
  CONSTRAINT fk_cal_day_year FOREIGN KEY (sched_year) REFERENCES cal_year_schedule (sched_year),
  CONSTRAINT ck_cal_day_kind CHECK (kind IN ('OFF', 'WORKING'))
);

CREATE INDEX ix_cal_day_year ON cal_day (sched_year);
