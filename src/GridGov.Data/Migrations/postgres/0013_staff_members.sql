-- 0013: the staff register is "staff members" (people who can be assigned to grids), which leaves "person" free for
-- the coming register of residents: people → staff_members, grid_assignments.person_id and users.person_id →
-- staff_member_id, and the key, foreign key, indexes and identity sequence named after them (as a fresh database
-- names them).
ALTER TABLE people RENAME TO staff_members;
ALTER TABLE staff_members RENAME CONSTRAINT pk_people TO pk_staff_members;
ALTER INDEX ix_people_area_code RENAME TO ix_staff_members_area_code;
ALTER SEQUENCE people_id_seq RENAME TO staff_members_id_seq;

ALTER TABLE grid_assignments RENAME COLUMN person_id TO staff_member_id;
ALTER TABLE grid_assignments RENAME CONSTRAINT fk_grid_assignments_people_person_id
    TO fk_grid_assignments_staff_members_staff_member_id;
ALTER INDEX ix_grid_assignments_person_id RENAME TO ix_grid_assignments_staff_member_id;

ALTER TABLE users RENAME COLUMN person_id TO staff_member_id;
