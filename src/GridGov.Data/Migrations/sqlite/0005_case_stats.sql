-- 0005: pre-aggregated daily indicators per area, the dirty list that keeps them fresh, indexes for period queries.
-- Derived from 'schema-script --provider sqlite' by diff with 0004.
CREATE TABLE "case_stats_daily" (
    "area_code" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "pk_case_stats_daily" PRIMARY KEY ("area_code", "day")
);

CREATE TABLE "case_stats_dirty" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_stats_dirty" PRIMARY KEY AUTOINCREMENT,
    "area_code" TEXT NOT NULL,
    "day" TEXT NOT NULL
);

CREATE INDEX "ix_cases_closed_at" ON "cases" ("closed_at");

CREATE INDEX "ix_cases_registered_at" ON "cases" ("registered_at");

CREATE INDEX "ix_cases_reported_at" ON "cases" ("reported_at");

CREATE INDEX "ix_cases_resolve_due_at" ON "cases" ("resolve_due_at");

CREATE INDEX "ix_cases_responded_at" ON "cases" ("responded_at");
