package news.broadsheet.content;

/** Third-party media kept as data (never as the provider's script) and shown as a link card. */
public record Embed(String url, String provider, String title, String thumbnailUrl) {
}
