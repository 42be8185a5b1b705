-- Files kept in the database in chunks (kernel files, DatabaseFileStorage), so that no statement carries more
-- than one chunk (vitrine.files.database.chunk-size, 4MB) whatever the file's size: a 100,000-row product import
-- (20-30MB) is above MariaDB's default max_allowed_packet (16MB). Files stored before keep their bytes in
-- stored_files.content; files stored from now on have it NULL and their bytes here, chunk_no 0, 1, 2...
ALTER TABLE stored_files MODIFY content LONGBLOB NULL;

CREATE TABLE stored_file_chunks (
    file_id  CHAR(36)   NOT NULL,
    chunk_no INT        NOT NULL,
    content  LONGBLOB   NOT NULL,
    PRIMARY KEY (file_id, chunk_no),
    CONSTRAINT fk_stored_file_chunks_file FOREIGN KEY (file_id) REFERENCES stored_files (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
