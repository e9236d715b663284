package io.supplyguard.identity;

import static io.supplyguard.identity.Roles.*;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who reads which district's customers: district managers and field crews only the districts whose
 * group ({@code district-managers-<district>}, {@code field-crew-<district>}) they are in; every other
 * role county-wide. A new district is a new group, no code.
 */
public final class DistrictScope {

    static final Set<String> COUNTY_WIDE = Set.of(FEE_CONTROL_OPERATORS, LEADERS, RECONNECTION_DESK, COUNTY_DUTY, AUDITORS,
            PROCESS_DESIGNERS, BILLING_SYSTEM, COUNTER_STAFF, ADMINS);

    private DistrictScope() {
    }

    /** Whether a caller with these groups may read the customers of {@code district}. */
    public static boolean mayRead(Collection<String> groups, String district) {
        return groups.stream().anyMatch(COUNTY_WIDE::contains)
                || district != null && (groups.contains(districtManagersOf(district)) || groups.contains(fieldCrewOf(district)));
    }

    /**
     * The districts a caller with these groups is limited to: those of its district groups, unless it
     * also has a county-wide role; empty when it is not limited to districts (county-wide, or no district group).
     */
    public static java.util.Optional<Set<String>> districtsOf(Collection<String> groups) {
        if (groups.stream().anyMatch(COUNTY_WIDE::contains)) {
            return java.util.Optional.empty();
        }
        Set<String> districts = new java.util.TreeSet<>();
        for (String group : groups) {
            for (String role : new String[] {DISTRICT_MANAGERS + "-", FIELD_CREW + "-"}) {
                if (group.startsWith(role) && group.length() > role.length()) {
                    districts.add(group.substring(role.length()));
                }
            }
        }
        return districts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(districts);
    }

    /** The same for an authenticated REST caller (authorities are the Camunda groups). */
    public static boolean mayRead(Authentication caller, String district) {
        return caller != null && mayRead(caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(), district);
    }
}
