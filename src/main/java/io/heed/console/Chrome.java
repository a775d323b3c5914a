package io.heed.console;

import io.heed.security.Role;
import java.util.List;

/**
 * What the layout around every console page shows: the signed-in person (null on the sign-in page), the page's
 * section in the navigation, the CSRF token every form and htmx request carries, the theme the person chose, and
 * a flash message from the action that led here.
 */
public record Chrome(
        String title, String section, User user, String csrfToken, String theme, Flash flash, String path) {

    /** The signed-in person, as the header shows them. */
    public record User(String email, String name, Role role, List<String> regions) {

        public boolean admin() {
            return role == Role.ADMIN;
        }

        public String roleLabel() {
            return switch (role) {
                case ADMIN -> "Administrator";
                case REGION_OFFICER -> "Regional officer";
                case AUDITOR -> "Auditor";
            };
        }

        public String initials() {
            String[] parts = name == null || name.isBlank()
                    ? new String[] {email}
                    : name.trim().split("\\s+");
            String first = parts[0].substring(0, 1);
            String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
            return (first + last).toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** The navigation: section key, label and address. */
    public record NavItem(String key, String label, String href) {}

    public List<NavItem> nav() {
        if (user == null) {
            return List.of();
        }
        List<NavItem> items = new java.util.ArrayList<>(List.of(
                new NavItem("home", "Home", "/console"),
                new NavItem("campaigns", "Campaigns", "/console/campaigns"),
                new NavItem("directory", "Directory", "/console/directory"),
                new NavItem("playbooks", "Playbooks", "/console/playbooks")));
        if (user.admin()) {
            items.add(new NavItem("settings", "Settings", "/console/settings"));
        }
        return items;
    }

    public boolean dark() {
        return "dark".equals(theme);
    }

    public boolean light() {
        return "light".equals(theme);
    }

    public boolean auto() {
        return !dark() && !light();
    }
}
