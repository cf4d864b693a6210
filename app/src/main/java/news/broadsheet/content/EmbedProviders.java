package news.broadsheet.content;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The providers whose players a story may show, and how a link to their content becomes the
 * address of their player. Nothing of a provider loads until a reader asks for it: the page
 * carries a card (a link without JavaScript) and the player's address, and a click puts the
 * player in a sandboxed frame. The players' origins are the only frames the site's
 * Content-Security-Policy allows.
 */
public final class EmbedProviders {

    /** A player for a link: the provider's name and the address to frame. */
    public record Player(String provider, String src) {
    }

    /**
     * @param oembed the provider's oEmbed endpoint, to which {@code url=<link>} is added; null for
     *               providers without a public one (their page's Open Graph tags say the same)
     */
    private record Provider(String name, Pattern link, Function<Matcher, String> player, String origin, String oembed) {
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static final List<Provider> PROVIDERS = List.of(
            new Provider("YouTube", Pattern.compile("https://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?(?:.*&)?v=|shorts/|live/)|youtu\\.be/)([A-Za-z0-9_-]{11})(?:[?&#].*)?"),
                    m -> "https://www.youtube-nocookie.com/embed/" + m.group(1), "https://www.youtube-nocookie.com", "https://www.youtube.com/oembed?format=json"),
            new Provider("Vimeo", Pattern.compile("https://(?:www\\.)?vimeo\\.com/(?:video/)?([0-9]{1,12})(?:[/?#].*)?"),
                    m -> "https://player.vimeo.com/video/" + m.group(1) + "?dnt=1", "https://player.vimeo.com", "https://vimeo.com/api/oembed.json"),
            new Provider("X", Pattern.compile("https://(?:www\\.|mobile\\.)?(?:x|twitter)\\.com/[A-Za-z0-9_]{1,15}/status/([0-9]{1,20})(?:[/?#].*)?"),
                    m -> "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=" + m.group(1), "https://platform.twitter.com", "https://publish.twitter.com/oembed?omit_script=true"),
            new Provider("Instagram", Pattern.compile("https://(?:www\\.)?instagram\\.com/(p|reel|tv)/([A-Za-z0-9_-]{5,40})/?(?:[?#].*)?"),
                    m -> "https://www.instagram.com/" + m.group(1) + "/" + m.group(2) + "/embed", "https://www.instagram.com", null),
            new Provider("TikTok", Pattern.compile("https://(?:www\\.)?tiktok\\.com/@[A-Za-z0-9_.]{1,30}/video/([0-9]{1,20})(?:[/?#].*)?"),
                    m -> "https://www.tiktok.com/embed/v2/" + m.group(1), "https://www.tiktok.com", "https://www.tiktok.com/oembed"),
            new Provider("Facebook", Pattern.compile("https://(?:www\\.)?facebook\\.com/[A-Za-z0-9.]{1,80}/(posts|videos)/[A-Za-z0-9]{1,40}/?(?:[?#].*)?"),
                    m -> "https://www.facebook.com/plugins/" + (m.group(1).equals("videos") ? "video" : "post") + ".php?href=" + enc(m.group()),
                    "https://www.facebook.com", null),
            new Provider("Telegram", Pattern.compile("https://t\\.me/([A-Za-z0-9_]{5,32})/([0-9]{1,12})/?(?:[?#].*)?"),
                    m -> "https://t.me/" + m.group(1) + "/" + m.group(2) + "?embed=1", "https://t.me", null),
            new Provider("SoundCloud", Pattern.compile("https://(?:www\\.)?soundcloud\\.com/[A-Za-z0-9_-]{1,60}/[A-Za-z0-9_-]{1,120}/?(?:[?#].*)?"),
                    m -> "https://w.soundcloud.com/player/?url=" + enc(m.group()), "https://w.soundcloud.com", "https://soundcloud.com/oembed?format=json"),
            new Provider("Spotify", Pattern.compile("https://open\\.spotify\\.com/(track|album|playlist|episode|show|artist)/([A-Za-z0-9]{22})(?:[?#].*)?"),
                    m -> "https://open.spotify.com/embed/" + m.group(1) + "/" + m.group(2), "https://open.spotify.com", "https://open.spotify.com/oembed"),
            new Provider("Datawrapper", Pattern.compile("https://(?:datawrapper\\.dwcdn\\.net|app\\.datawrapper\\.de/chart)/([A-Za-z0-9]{5})(?:/[0-9]{1,3})?/?(?:[?#].*)?"),
                    m -> "https://datawrapper.dwcdn.net/" + m.group(1) + "/", "https://datawrapper.dwcdn.net", "https://api.datawrapper.de/v3/oembed"),
            new Provider("Flourish", Pattern.compile("https://public\\.flourish\\.studio/(visualisation|story)/([0-9]{1,12})/?(?:[?#].*)?"),
                    m -> "https://flo.uri.sh/" + m.group(1) + "/" + m.group(2) + "/embed", "https://flo.uri.sh", "https://app.flourish.studio/api/v1/oembed"),
            new Provider("Google Maps", Pattern.compile("https://(?:www\\.)?google\\.com/maps/embed\\?pb=[A-Za-z0-9!._%-]{1,2000}"),
                    Matcher::group, "https://www.google.com", null));

    private EmbedProviders() {
    }

    /** The player for a link to a known provider's content; empty for any other address. */
    public static Optional<Player> player(String url) {
        return provider(url).map(provider -> {
            Matcher matcher = provider.link().matcher(url.strip());
            matcher.matches();
            return new Player(provider.name(), provider.player().apply(matcher));
        });
    }

    /** A link's provider and its oEmbed endpoint (null when it has none); empty for an unknown address. */
    public record Lookup(String provider, String oembed) {
    }

    /** Where a link's title and thumbnail can be asked for, once, when an editor inserts it. */
    public static Optional<Lookup> lookup(String url) {
        return provider(url).map(p -> new Lookup(p.name(), p.oembed()));
    }

    private static Optional<Provider> provider(String url) {
        if (url == null || url.length() > 2_048) {
            return Optional.empty();
        }
        return PROVIDERS.stream().filter(p -> p.link().matcher(url.strip()).matches()).findFirst();
    }

    /** Origins the players load from: the frame sources of the Content-Security-Policy. */
    public static List<String> frameOrigins() {
        return PROVIDERS.stream().map(Provider::origin).distinct().toList();
    }

    /** Whether stored HTML may carry this as a player address: https on a provider's player origin. */
    static boolean isPlayerAddress(String src) {
        try {
            URI uri = URI.create(src);
            return "https".equals(uri.getScheme()) && uri.getRawUserInfo() == null
                    && frameOrigins().contains("https://" + uri.getHost()) && uri.getPort() == -1;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
