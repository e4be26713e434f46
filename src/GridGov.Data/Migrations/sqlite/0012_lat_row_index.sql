-- 0012: likely duplicates and the public map search a box by latitude row (floor(lat / 0.001), ≈ 111 m): with the index
-- (category_code, lat_row, lon) a 200 m box is one tight scan per row it touches (equality on the row, range on the
-- longitude) instead of every case of the category in a 200 m latitude band across the whole city. The row is a
-- generated column (virtual here: SQLite cannot add a stored one to an existing table), so no writer can get it wrong.
ALTER TABLE "cases" ADD COLUMN "lat_row" AS (CAST(floor(lat / 0.001) AS integer));

DROP INDEX "ix_cases_category_code_lat_lon";

CREATE INDEX "ix_cases_category_code_lat_row_lon" ON "cases" ("category_code", "lat_row", "lon");
