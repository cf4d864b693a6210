package news.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.Structure;
import news.broadsheet.content.TagRepository;
import news.broadsheet.newsroom.AdminViews.AuthorRow;
import news.broadsheet.newsroom.AdminViews.SectionRow;
import news.broadsheet.newsroom.AdminViews.StructurePage;
import news.broadsheet.newsroom.AdminViews.TagRow;
import news.broadsheet.newsroom.NewsroomViews.Option;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sections, tags and authors. Editors and up: arranging the desk's sections, tags and bylines is
 * editorial work that editors do daily, while site-wide settings and staff stay with admins.
 * A form with a mistake comes back with the message and what was typed.
 */
@Controller
class StructureController {

    private static final String PAGE = "/newsroom/structure";

    private final Structure structure;
    private final SectionRepository sections;
    private final TagRepository tags;
    private final AuthorRepository authors;
    private final Bylines bylines;
    private final StaffRepository staff;

    StructureController(Structure structure, SectionRepository sections, TagRepository tags, AuthorRepository authors, Bylines bylines,
                        StaffRepository staff) {
        this.structure = structure;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.bylines = bylines;
        this.staff = staff;
    }

    @StaffOnly(StaffRole.EDITOR)
    @GetMapping(PAGE)
    String page(HttpServletRequest request, Model model) {
        return render(request, model, request.getParameter("saved") != null ? "Saved." : "", List.of(), null, null);
    }

    @StaffOnly(StaffRole.EDITOR)
    @PostMapping("/newsroom/sections")
    String createSection(@RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
        SectionRow typed = sectionFields(-1, form);
        return attempt(request, model, typed, null,
                () -> structure.createSection(typed.name(), typed.slug(), typed.description(), position(typed.position())));
    }

    @StaffOnly(StaffRole.EDITOR)
    @PostMapping("/newsroom/sections/{id}")
    String updateSection(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
        SectionRow typed = sectionFields(id, form);
        return attempt(request, model, typed, null,
                () -> structure.updateSection(id, typed.name(), typed.slug(), typed.description(), position(typed.position()), typed.emailByDefault()));
    }

    /** Deleting asks for a ticked confirmation, so a stray submit cannot remove a section or a tag. */
    @StaffOnly(StaffRole.EDITOR)
    @PostMapping("/newsroom/sections/{id}/delete")
    String deleteSection(@PathVariable long id, @RequestParam(defaultValue = "") String confirm, HttpServletRequest request, Model model) {
        return deletion(request, model, confirm, () -> structure.deleteSection(id));
    }

    @StaffOnly(StaffRole.EDITOR)
    @PostMapping("/newsroom/tags/{id}/rename")
    String renameTag(@PathVariable long id, @RequestParam(defaultValue = "") String name, HttpServletRequest request, Model model) {
        return attempt(request, model, null, null, () -> structure.renameTag(id, name));
    }

    @StaffOnly(StaffRole.EDITOR)
    @PostMapping("/newsroom/tags/{id}/merge")
    String mergeTag(@PathVariable long id, @RequestParam(defaultValue = "") String into, HttpServletRequest request, Model model) {
        return attempt(request, model, null, null, () -> {
            long target = tags.findBySlug(into.strip()).orElseThrow(
                    () -> new IllegalArgumentException("There is no tag with the address \u201c" + into.strip() + "\u201d to merge into.")).id();
            structure.mergeTag(id, target);
        });
    }

    @StaffOnly(StaffRole.EDITOR)
    @PostMapping("/newsroom/tags/{id}/delete")
    String deleteTag(@PathVariable long id, @RequestParam(defaultValue = "") String confirm, HttpServletRequest request, Model model) {
        return deletion(request, model, confirm, () -> structure.deleteTag(id));
    }

    @StaffOnly(StaffRole.EDITOR)
    @PostMapping("/newsroom/authors")
    String createAuthor(@RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
        AuthorRow typed = authorFields(-1, form);
        return attempt(request, model, null, typed, () -> structure.createAuthor(typed.name(), typed.slug(), typed.bio()));
    }

    @StaffOnly(StaffRole.EDITOR)
    @PostMapping("/newsroom/authors/{id}")
    String updateAuthor(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @RequestParam Map<String, String> form,
                        HttpServletRequest request, Model model) {
        AuthorRow typed = authorFields(id, form);
        return attempt(request, model, null, typed,
                () -> bylines.update(me.role(), id, typed.name(), typed.slug(), typed.bio(), typed.staffId()));
    }

    private String attempt(HttpServletRequest request, Model model, SectionRow section, AuthorRow author, Runnable change) {
        try {
            change.run();
            return "redirect:" + PAGE + "?saved";
        } catch (IllegalArgumentException e) {
            return render(request, model, "", List.of(e.getMessage()), section, author);
        }
    }

    /** The lists, with the row that failed (or the new-item form) showing what was typed. */
    private String render(HttpServletRequest request, Model model, String notice, List<String> errors, SectionRow typedSection,
                          AuthorRow typedAuthor) {
        Map<Long, Integer> counts = sections.articleCounts();
        List<SectionRow> sectionRows = new ArrayList<>();
        sections.findAll().forEach(s -> sectionRows.add(typedSection != null && typedSection.id() == s.id()
                ? new SectionRow(s.id(), typedSection.name(), typedSection.slug(), typedSection.description(), typedSection.position(),
                typedSection.emailByDefault(), counts.getOrDefault(s.id(), 0))
                : new SectionRow(s.id(), s.name(), s.slug(), s.description(), Integer.toString(s.position()), s.emailByDefault(),
                counts.getOrDefault(s.id(), 0))));
        List<TagRow> tagRows = tags.allWithCounts().stream()
                .map(t -> new TagRow(t.tag().id(), t.tag().name(), t.tag().slug(), t.articles())).toList();
        List<StaffRepository.StaffAccount> accounts = staff.findAll();
        List<AuthorRow> authorRows = authors.findAll().stream()
                .map(a -> typedAuthor != null && typedAuthor.id() == a.id() ? typedAuthor : new AuthorRow(a.id(), a.name(), a.slug(), a.bio(),
                        accounts.stream().filter(s -> Long.valueOf(a.id()).equals(s.authorId())).map(s -> Long.toString(s.id()))
                                .findFirst().orElse("")))
                .toList();
        List<Option> staffOptions = accounts.stream().map(s -> new Option(Long.toString(s.id()), s.displayName(), false)).toList();
        model.addAttribute("page", new StructurePage(NewsroomController.csrf(request), notice, errors, sectionRows,
                typedSection != null && typedSection.id() < 0 ? typedSection : new SectionRow(-1, "", "", "", Integer.toString(sectionRows.size()), true, 0),
                tagRows, authorRows, typedAuthor != null && typedAuthor.id() < 0 ? typedAuthor : new AuthorRow(-1, "", "", "", ""),
                staffOptions));
        return "newsroom/structure";
    }

    private static SectionRow sectionFields(long id, Map<String, String> form) {
        return new SectionRow(id, form.getOrDefault("name", ""), form.getOrDefault("slug", ""), form.getOrDefault("description", ""),
                form.getOrDefault("position", "0"), "yes".equals(form.get("emailByDefault")), 0);
    }

    private static AuthorRow authorFields(long id, Map<String, String> form) {
        return new AuthorRow(id, form.getOrDefault("name", ""), form.getOrDefault("slug", ""), form.getOrDefault("bio", ""),
                form.getOrDefault("staff", ""));
    }

    private static int position(String raw) {
        if (!raw.strip().matches("-?[0-9]{1,6}")) {
            throw new IllegalArgumentException("The order in navigation is a whole number (lower comes first).");
        }
        return Integer.parseInt(raw.strip());
    }

    private String deletion(HttpServletRequest request, Model model, String confirm, Runnable delete) {
        return attempt(request, model, null, null, () -> {
            if (!"yes".equals(confirm)) {
                throw new IllegalArgumentException("Tick \u201cYes, delete\u201d to confirm the deletion.");
            }
            delete.run();
        });
    }
}
