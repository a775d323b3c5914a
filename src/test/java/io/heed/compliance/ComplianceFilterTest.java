package io.heed.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.platform.database.NamedSql;
import io.heed.security.RegionScope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which regions and department a compliance read keeps, for each kind of caller and request (no database). */
class ComplianceFilterTest {

    static final RegionScope EMEA_AND_APAC = RegionScope.only(Set.of("EMEA", "APAC"));

    @Test
    void anUnrestrictedCallerWithoutFiltersSeesEveryRegionAndDepartment() {
        ComplianceFilter filter = ComplianceFilter.of(RegionScope.ALL, null, " ");
        assertEquals(Optional.empty(), filter.regions(), "no region filter at all");
        assertEquals(Optional.empty(), filter.department());
        assertEquals(List.of(), filter.regionList());
        assertFalse(filter.nothingVisible());
        assertEquals(ComplianceFilter.EVERYTHING, filter);
    }

    @Test
    void anUnrestrictedCallerAskingForARegionAndDepartmentGetsExactlyThose() {
        ComplianceFilter filter = ComplianceFilter.of(RegionScope.ALL, " LATAM ", " Sales ");
        assertEquals(Optional.of(Set.of("LATAM")), filter.regions());
        assertEquals(Optional.of("Sales"), filter.department(), "trimmed, like every query parameter");
        assertFalse(filter.nothingVisible());
    }

    @Test
    void anOfficerWithoutFiltersSeesTheirRegionsListedInOrder() {
        ComplianceFilter filter = ComplianceFilter.of(EMEA_AND_APAC, null, null);
        assertEquals(Optional.of(Set.of("APAC", "EMEA")), filter.regions());
        assertEquals(List.of("APAC", "EMEA"), filter.regionList());
        assertEquals(EMEA_AND_APAC, filter.scope(), "kept for what reports state");
        assertFalse(filter.nothingVisible());
    }

    @Test
    void anOfficerAskingForOneOfTheirRegionsGetsThatOne() {
        ComplianceFilter filter = ComplianceFilter.of(EMEA_AND_APAC, "EMEA", "Engineering");
        assertEquals(List.of("EMEA"), filter.regionList());
        assertEquals(Optional.of("Engineering"), filter.department());
        assertFalse(filter.nothingVisible());
    }

    @Test
    void anOfficerAskingForAnotherRegionSeesNothingRatherThanThatRegion() {
        ComplianceFilter filter = ComplianceFilter.of(EMEA_AND_APAC, "AMER", null);
        assertEquals(Optional.of(Set.of()), filter.regions());
        assertTrue(filter.nothingVisible());
    }

    @Test
    void anEmptyScopeSeesNothingWhateverItAsks() {
        RegionScope none = RegionScope.only(Set.of());
        assertTrue(ComplianceFilter.of(none, null, null).nothingVisible());
        assertTrue(ComplianceFilter.of(none, "EMEA", "Sales").nothingVisible());
    }

    @Test
    void thePredicateNamesItsThreeParametersSoAUnionBindsThemOnce() {
        assertEquals(
                "(:allRegions::boolean or r.region = any(:regions::text[]))"
                        + " and (:department::text is null or r.department = :department)",
                ComplianceFilter.sql("r"));
        String union = "select 1 from compliance_count where " + ComplianceFilter.sql("")
                + " union all select 1 from compliance_count_delta where " + ComplianceFilter.sql("");
        assertEquals(
                Set.of("allRegions", "regions", "department"),
                Set.copyOf(NamedSql.of(union).positions()),
                "three names, whatever the number of places they are used");
        assertFalse(ComplianceFilter.sql("").contains("."), "unqualified without an alias");
    }
}
