-- Axon's sequenced dead-letter queue for the streaming processors (issue 8): an event a projection cannot handle
-- parks its own sequence (its aggregate) here, and every other sequence flows on. The columns are those of Axon's
-- GenericDeadLetterTableFactory, in snake_case (AxonConfiguration maps them); serialized data is bytea and
-- Axon writes its timestamps as ISO-8601 text.
CREATE TABLE dead_letter_entry (
    dead_letter_id       varchar(255)  NOT NULL,
    processing_group     varchar(255)  NOT NULL,
    sequence_identifier  varchar(255)  NOT NULL,
    sequence_index       bigint        NOT NULL,
    message_type         varchar(255)  NOT NULL,
    event_identifier     varchar(255)  NOT NULL,
    time_stamp           varchar(255)  NOT NULL,
    payload_type         varchar(255)  NOT NULL,
    payload_revision     varchar(255),
    payload              bytea         NOT NULL,
    meta_data            bytea,
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          varchar(255)  NOT NULL,
    last_touched         varchar(255),
    processing_started   varchar(255),
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence ON dead_letter_entry (processing_group, sequence_identifier);

GRANT SELECT, INSERT, UPDATE, DELETE ON dead_letter_entry TO custos_app;
