-- 0019: the house a case is about (one per case; no foreign key to cases, which may be partitioned by month).
CREATE TABLE case_houses (
    case_id bigint NOT NULL,
    house_id bigint NOT NULL,
    area_code character varying(16) NOT NULL,
    district_code character varying(6) NOT NULL,
    linked_at timestamp with time zone NOT NULL,
    linked_by_user_id bigint,
    CONSTRAINT pk_case_houses PRIMARY KEY (case_id),
    CONSTRAINT fk_case_houses_houses_house_id FOREIGN KEY (house_id) REFERENCES houses (id) ON DELETE RESTRICT
);

CREATE INDEX ix_case_houses_house_id ON case_houses (house_id);
