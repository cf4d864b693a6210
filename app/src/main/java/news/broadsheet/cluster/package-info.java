/**
 * The nodes sharing one database: each writes a heartbeat row (name, version, start time, the
 * change-log position its search index reached), and the newsroom lists them with their index
 * lag, showing a node silent for long as gone. Sessions, rate limits, the change log and jobs
 * are shared through the database by their own packages; this one only makes the nodes visible.
 */
package news.broadsheet.cluster;
