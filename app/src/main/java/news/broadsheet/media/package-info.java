/**
 * Where media bytes live and how readers get them: one {@link news.broadsheet.media.MediaStore}
 * with two backends, the data directory (the default, one node) and any S3-compatible object
 * store ({@code broadsheet.media.store=s3}, for several nodes on one bucket), and the public
 * {@code /media/**} handler that serves either with the same cache headers. Keys are the path
 * after {@code /media/} ("uploads/abc.jpg", "demo/slug-lead.jpg"); what the images are and who
 * may upload them belongs to the newsroom.
 */
package news.broadsheet.media;
