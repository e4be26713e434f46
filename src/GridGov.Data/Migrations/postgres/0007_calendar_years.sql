-- 0007: working-calendar years edited by administrators (override the shipped data/calendar files).
CREATE TABLE calendar_years (
    year integer NOT NULL,
    json text NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(100) NOT NULL,
    CONSTRAINT pk_calendar_years PRIMARY KEY (year)
);
