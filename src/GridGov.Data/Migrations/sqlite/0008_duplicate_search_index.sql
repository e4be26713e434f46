-- 0008: index for the likely-duplicate search at intake (same category, nearby latitude).
CREATE INDEX "ix_cases_category_code_lat" ON "cases" ("category_code", "lat");
