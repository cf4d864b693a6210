package news.broadsheet.content;

public record FollowLink(String network, String url) {
}
