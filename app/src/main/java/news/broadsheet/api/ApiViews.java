package news.broadsheet.api;

import java.util.List;

import org.springframework.security.web.csrf.CsrfToken;

/** View records for the newsroom's API desk (public for the compiled templates only). */
public final class ApiViews {

    private ApiViews() {
    }

    /** @param issuedSecret a key just made, shown this once; null otherwise */
    public record DeskPage(CsrfToken csrf, List<KeyRow> keys, String issuedName, String issuedSecret, String notice, List<String> roles) {
    }

    public record KeyRow(long id, String name, String kind, String hint, String role, String created, String lastUsed, boolean revoked) {
    }
}
