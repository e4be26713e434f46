-- 0004: cases.self_resolved (自办自结), so indicators count self-resolved cases as responded and closed on time.
ALTER TABLE cases ADD self_resolved boolean NOT NULL DEFAULT FALSE;
ALTER TABLE cases ALTER COLUMN self_resolved DROP DEFAULT;
