-- Members imported from a list arrive with a name; readers who subscribe through the form have none.
ALTER TABLE members ADD COLUMN name VARCHAR(200) NOT NULL DEFAULT '';
