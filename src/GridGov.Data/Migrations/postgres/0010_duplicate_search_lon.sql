-- 0010: the likely-duplicate index also holds the longitude, so the search fetches only the cases inside its ~200 m box
-- instead of every case of the category in the latitude band (thousands of rows at the end of a busy day).
CREATE INDEX ix_cases_category_code_lat_lon ON cases (category_code, lat, lon);

DROP INDEX ix_cases_category_code_lat;
