-- 0010: (1) the likely-duplicate index also holds the longitude, so the search at intake fetches only the cases inside its
-- ~200 m box; (2) hourly indicator rows for today's completed hours and their dirty list, so only the current hour is
-- computed live.
CREATE INDEX "ix_cases_category_code_lat_lon" ON "cases" ("category_code", "lat", "lon");

DROP INDEX "ix_cases_category_code_lat";

CREATE TABLE "case_stats_hourly" (
    "area_code" TEXT NOT NULL,
    "hour" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "pk_case_stats_hourly" PRIMARY KEY ("area_code", "hour")
);

CREATE TABLE "case_stats_hour_dirty" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_stats_hour_dirty" PRIMARY KEY AUTOINCREMENT,
    "area_code" TEXT NOT NULL,
    "day" TEXT NOT NULL
);
