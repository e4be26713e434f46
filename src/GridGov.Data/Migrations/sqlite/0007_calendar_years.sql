-- 0007: working-calendar years edited by administrators (override the shipped data/calendar files).
CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL CONSTRAINT "pk_calendar_years" PRIMARY KEY,
    "json" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL
);
