/**
 * First-run demo content: sections, authors, two fictional partner outlets and the articles
 * in {@code demo/demo-content.json}, with lead and in-body images drawn at load time into the
 * data directory. Loads once, in one transaction, through {@code content}; a setting turns it off.
 */
package news.broadsheet.demo;
