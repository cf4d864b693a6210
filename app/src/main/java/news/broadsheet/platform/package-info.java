/**
 * Plumbing every feature uses and none of them owns: the data directory, the database
 * (SQLite by default, PostgreSQL in production), jte view rendering, security filter chains
 * and the clock. Depends on no feature package.
 */
package news.broadsheet.platform;
