package news.broadsheet.content;

/**
 * Where a published page is linked from on every public page; {@code position} orders the links
 * (lowest first, then by headline).
 */
public record PagePlacement(boolean footer, boolean navigation, int position) {

    public static final PagePlacement NOWHERE = new PagePlacement(false, false, 0);
}
