-- Smaller copies of a library image, made once at upload, so pages can offer srcset without reading the disk.
CREATE TABLE figure_renditions (
    figure_id BIGINT  NOT NULL REFERENCES figures (id) ON DELETE CASCADE,
    width     INTEGER NOT NULL,
    height    INTEGER NOT NULL,
    src       TEXT    NOT NULL,
    PRIMARY KEY (figure_id, width)
);
