package io.heed.security;

/**
 * What an account or API token may do. The names are the role strings used in {@code @RolesAllowed}.
 *
 * <ul>
 *   <li>{@code ADMIN}: everything, in every region.
 *   <li>{@code REGION_OFFICER}: sees and acts on the employees, campaigns and reports of their regions only.
 *   <li>{@code AUDITOR}: reads everything (dashboards, reports, audit log), changes nothing.
 * </ul>
 */
public enum Role {
    ADMIN,
    REGION_OFFICER,
    AUDITOR;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String REGION_OFFICER_NAME = "REGION_OFFICER";
    public static final String AUDITOR_NAME = "AUDITOR";
}
